/**
 * The interpreter's address space: one flat little-endian byte array mapped
 * at `MEMORY_BASE`, holding (low to high) the read-only region (string
 * constants, immutable globals), the mutable globals and the stack, which
 * grows down from the top where the argv strings sit, as the kernel puts
 * them. Everything else — the null page, the reserved function-address range
 * `FUNCTION_BASE…` — is unmapped: touching it raises SIGSEGV, like a write
 * into the read-only region.
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

export class Memory {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  /** Offsets `[0, readOnlyEnd)` are read-only once loading is finished. */
  readOnlyEnd = 0;
  private sealed = false;

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

  /** The offset into `bytes` of `[addr, addr+len)`, or a SIGSEGV trap. */
  offset(addr: bigint, len: number): number {
    const off = addr - MEMORY_BASE;
    if (off < 0n || off + BigInt(len) > BigInt(this.bytes.length)) throw Trap.signal("SIGSEGV");
    return Number(off);
  }

  /** Like `offset`, but also refuses the read-only region. */
  writableOffset(addr: bigint, len: number): number {
    const off = this.offset(addr, len);
    if (this.sealed && off < this.readOnlyEnd && len > 0) throw Trap.signal("SIGSEGV");
    return off;
  }

  /** Whether `[addr, addr+len)` is mapped (and writable when asked): for syscalls, which return -EFAULT. */
  isValid(addr: bigint, len: bigint, writable: boolean): boolean {
    const off = addr - MEMORY_BASE;
    if (off < 0n || len < 0n || off + len > BigInt(this.bytes.length)) return false;
    return !(writable && this.sealed && len > 0n && off < BigInt(this.readOnlyEnd));
  }

  loadInt(addr: bigint, size: number): bigint {
    const off = this.offset(addr, size);
    switch (size) {
      case 1: return BigInt(this.bytes[off]);
      case 2: return BigInt(this.view.getUint16(off, true));
      case 4: return BigInt(this.view.getUint32(off, true));
      case 8: return this.view.getBigUint64(off, true);
      default: throw new Error(`interpreter: bad scalar size ${size}`);
    }
  }

  storeInt(addr: bigint, size: number, value: bigint): void {
    const off = this.writableOffset(addr, size);
    this.storeIntAt(off, size, value);
  }

  /** Store at a raw offset, bypassing protection (loading the image). */
  storeIntAt(off: number, size: number, value: bigint): void {
    switch (size) {
      case 1: this.bytes[off] = Number(value & 0xffn); return;
      case 2: this.view.setUint16(off, Number(value & 0xffffn), true); return;
      case 4: this.view.setUint32(off, Number(value & 0xffffffffn), true); return;
      case 8: this.view.setBigUint64(off, BigInt.asUintN(64, value), true); return;
      default: throw new Error(`interpreter: bad scalar size ${size}`);
    }
  }

  loadBytes(addr: bigint, size: number): Uint8Array {
    const off = this.offset(addr, size);
    return this.bytes.slice(off, off + size);
  }

  storeBytes(addr: bigint, data: Uint8Array): void {
    const off = this.writableOffset(addr, data.length);
    this.bytes.set(data, off);
  }

  addressOf(off: number): bigint {
    return MEMORY_BASE + BigInt(off);
  }
}
