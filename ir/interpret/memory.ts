/**
 * The interpreter's address space: one flat little-endian byte array mapped
 * at `MEMORY_BASE`, holding (low to high) the read-only region (string
 * constants, immutable globals), the mutable globals and the stack, which
 * grows down from the top where the argv strings sit, as the kernel puts
 * them. Everything else — the null page, the reserved function-address range
 * `FUNCTION_BASE…` — is unmapped: touching it raises SIGSEGV, like a write
 * into the read-only region.
 *
 * Anonymous `mmap` adds further regions at `MMAP_BASE` and up, each its own
 * array (the slow path of every access).
 *
 * Addresses and scalar values are unsigned bigints (bit patterns); an
 * aggregate value is a `Uint8Array` copy of its bytes.
 */
import { Trap } from "./trap.ts";

/** Function `i` has address `FUNCTION_BASE + FUNCTION_STRIDE * i` (never mapped). */
export const FUNCTION_BASE = 0x10000n;
export const FUNCTION_STRIDE = 16n;
/** Start of the mapped memory; low enough for 32-bit pointer casts to survive. */
export const MEMORY_BASE = 0x400000n;
/** Where anonymous mappings go (well above the main region). */
export const MMAP_BASE = 0x7f0000000000n;

interface Region {
  base: bigint;
  bytes: Uint8Array;
  view: DataView;
}

export class Memory {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  /** Offsets `[0, readOnlyEnd)` are read-only once loading is finished. */
  readOnlyEnd = 0;
  private sealed = false;
  private regions: Region[] = [];
  private nextMap = MMAP_BASE;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }

  get size(): number {
    return this.bytes.length;
  }

  /** After the program image is written, the read-only region is enforced. */
  seal(): void {
    this.sealed = true;
  }

  /** The offset into `bytes` of `[addr, addr+len)`, or -1 when it lies elsewhere. */
  private mainOffset(addr: bigint, len: number): number {
    const off = addr - MEMORY_BASE;
    if (off < 0n || off + BigInt(len) > BigInt(this.bytes.length)) return -1;
    return Number(off);
  }

  /** The mapping holding `[addr, addr+len)`, or a SIGSEGV trap. */
  private region(addr: bigint, len: number): { r: Region; off: number } {
    for (const r of this.regions) {
      const off = addr - r.base;
      if (off >= 0n && off + BigInt(len) <= BigInt(r.bytes.length)) return { r, off: Number(off) };
    }
    throw Trap.signal("SIGSEGV");
  }

  /** Whether `[addr, addr+len)` is mapped (and writable when asked): for syscalls, which return -EFAULT. */
  isValid(addr: bigint, len: bigint, writable: boolean): boolean {
    if (len < 0n) return false;
    const off = addr - MEMORY_BASE;
    if (off >= 0n && off + len <= BigInt(this.bytes.length)) return !(writable && this.sealed && len > 0n && off < BigInt(this.readOnlyEnd));
    return this.regions.some((r) => addr >= r.base && addr + len <= r.base + BigInt(r.bytes.length));
  }

  /** Anonymous zero-filled mapping of `len` bytes (page-rounded); returns its address. */
  map(len: number): bigint {
    const size = Math.ceil(Math.max(len, 1) / 4096) * 4096;
    const bytes = new Uint8Array(size);
    const base = this.nextMap;
    this.nextMap += BigInt(size) + 4096n; // a guard page between mappings
    this.regions.push({ base, bytes, view: new DataView(bytes.buffer) });
    return base;
  }

  /** Removes the mappings that start inside `[addr, addr+len)`. */
  unmap(addr: bigint, len: bigint): void {
    this.regions = this.regions.filter((r) => r.base < addr || r.base >= addr + len);
  }

  loadInt(addr: bigint, size: number): bigint {
    let off = this.mainOffset(addr, size);
    let view = this.view;
    if (off < 0) {
      const { r, off: o } = this.region(addr, size);
      view = r.view;
      off = o;
    }
    switch (size) {
      case 1: return BigInt(view.getUint8(off));
      case 2: return BigInt(view.getUint16(off, true));
      case 4: return BigInt(view.getUint32(off, true));
      case 8: return view.getBigUint64(off, true);
      default: throw new Error(`interpreter: bad scalar size ${size}`);
    }
  }

  storeInt(addr: bigint, size: number, value: bigint): void {
    const off = this.mainOffset(addr, size);
    if (off >= 0) {
      if (this.sealed && off < this.readOnlyEnd) throw Trap.signal("SIGSEGV");
      Memory.storeIn(this.view, off, size, value);
      return;
    }
    const { r, off: o } = this.region(addr, size);
    Memory.storeIn(r.view, o, size, value);
  }

  /** Store at a raw offset of the main region, bypassing protection (loading the image). */
  storeIntAt(off: number, size: number, value: bigint): void {
    Memory.storeIn(this.view, off, size, value);
  }

  private static storeIn(view: DataView, off: number, size: number, value: bigint): void {
    switch (size) {
      case 1: view.setUint8(off, Number(value & 0xffn)); return;
      case 2: view.setUint16(off, Number(value & 0xffffn), true); return;
      case 4: view.setUint32(off, Number(value & 0xffffffffn), true); return;
      case 8: view.setBigUint64(off, BigInt.asUintN(64, value), true); return;
      default: throw new Error(`interpreter: bad scalar size ${size}`);
    }
  }

  loadBytes(addr: bigint, size: number): Uint8Array {
    const off = this.mainOffset(addr, size);
    if (off >= 0) return this.bytes.slice(off, off + size);
    const { r, off: o } = this.region(addr, size);
    return r.bytes.slice(o, o + size);
  }

  storeBytes(addr: bigint, data: Uint8Array): void {
    const off = this.mainOffset(addr, data.length);
    if (off >= 0) {
      if (this.sealed && off < this.readOnlyEnd && data.length > 0) throw Trap.signal("SIGSEGV");
      this.bytes.set(data, off);
      return;
    }
    const { r, off: o } = this.region(addr, data.length);
    r.bytes.set(data, o);
  }

  addressOf(off: number): bigint {
    return MEMORY_BASE + BigInt(off);
  }
}
