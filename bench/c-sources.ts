/**
 * The C anchors of the benchmark, as text: the bench writes them into a
 * temporary folder and builds them itself in the same run as the programs
 * they are compared with. Every program is one prelude plus a body, and the
 * prelude compiles two ways:
 *
 *   - `-DNOLIBC`: syscalls as inline asm, a hand-written `_start` (a plain C
 *     function for programs whose `main` takes no arguments, otherwise a
 *     naked one that passes the stack pointer to C), no libc at all — built
 *     with `gcc -Os -nostdlib -static -fno-asynchronous-unwind-tables` for
 *     size, or `gcc -O2` / `clang-14 -O2` for speed;
 *   - without it: the same calls through glibc's `syscall()`, built with
 *     `gcc -O2 -static`, which is what most users would otherwise ship.
 *
 * The bodies mirror examples/*.lw and the kernels in tests/cases/kernels/
 * statement for statement, so the comparison is between compilers, not
 * between algorithms.
 */

const PRELUDE = String.raw`
typedef unsigned long u64;
typedef long i64;
typedef unsigned int u32;
typedef unsigned short u16;
typedef unsigned char u8;
#ifdef NOLIBC
static inline i64 sys1(i64 n, i64 a) { i64 r; __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a) : "rcx", "r11", "memory"); return r; }
static inline i64 sys2(i64 n, i64 a, i64 b) { i64 r; __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b) : "rcx", "r11", "memory"); return r; }
static inline i64 sys3(i64 n, i64 a, i64 b, i64 c) { i64 r; __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory"); return r; }
static inline i64 sys5(i64 n, i64 a, i64 b, i64 c, i64 d, i64 e) {
  i64 r;
  register i64 r10 __asm__("r10") = d;
  register i64 r8 __asm__("r8") = e;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8) : "rcx", "r11", "memory");
  return r;
}
__attribute__((noreturn)) static inline void sys_exit(i64 code) {
  __asm__ volatile("syscall" : : "a"(60), "D"(code) : "rcx", "r11", "memory");
  __builtin_unreachable();
}
#ifdef MAIN_NOARGS
static int main(void);
void _start(void) { sys_exit(main() & 255); }
#else
static int main(int argc, char **argv);
__attribute__((noreturn, used)) void start_c(long *sp) { sys_exit(main((int)sp[0], (char **)(sp + 1)) & 255); }
__attribute__((naked, noreturn)) void _start(void) {
  __asm__("xor %ebp, %ebp\n\tmov %rsp, %rdi\n\tand $-16, %rsp\n\tcall start_c\n");
}
#endif
#else
#include <unistd.h>
#include <sys/syscall.h>
#define sys1(n, a) syscall(n, a)
#define sys2(n, a, b) syscall(n, a, b)
#define sys3(n, a, b, c) syscall(n, a, b, c)
#define sys5(n, a, b, c, d, e) syscall(n, a, b, c, d, e)
#endif
`;

const PRINT_U64 = String.raw`
static void print_u64(u64 v) {
  u8 buf[21];
  u64 i = 20;
  buf[20] = 10;
  u64 x = v;
  if (x == 0) { i = i - 1; buf[i] = '0'; }
  while (x > 0) { i = i - 1; buf[i] = '0' + (u8)(x % 10); x = x / 10; }
  sys3(1, 1, (i64)&buf[i], 21 - i);
}
`;

const STRLEN = String.raw`
static u64 my_strlen(const char *s) { u64 n = 0; while (s[n] != 0) n = n + 1; return n; }
`;

const PARSE_PORT = String.raw`
static u16 parse_port(const char *s) {
  u64 value = 0;
  for (u64 i = 0; s[i] != 0; i++) {
    u8 c = (u8)s[i];
    if (c < '0' || c > '9') return 0;
    value = value * 10 + (u64)(u8)(c - '0');
    if (value > 65535) return 0;
  }
  return (u16)value;
}
struct sockaddr_in_ { u16 sin_family; u16 sin_port; u32 sin_addr; u64 sin_zero; };
`;

/**
 * What the `.ts` examples take from std/ (io, str, process, fs, net,
 * errors), in C: the same algorithms, so the `.ts` rows have twins that do
 * what they do (probe.ts parses a host too, cat.ts takes any number of files
 * or stdin, echo_server.ts serves COUNT clients).
 */
const STD_TS = String.raw`
static int is_ok(i64 r) { return r >= 0 || r < -4095; }
static void write_str(u64 fd, const char *s) { sys3(1, fd, (i64)s, my_strlen(s)); }
static void print(const char *s) { write_str(1, s); }
static void eprint(const char *s) { write_str(2, s); }
static i64 write_all(u64 fd, const u8 *buf, u64 len) {
  u64 done = 0;
  while (done < len) {
    i64 n = sys3(1, fd, (i64)(buf + done), len - done);
    if (n <= 0) return n;
    done += (u64)n;
  }
  return (i64)done;
}
static i64 parse_u64(const char *s) {
  u64 value = 0;
  u64 i = 0;
  for (;;) {
    u8 c = (u8)s[i];
    if (c == 0) break;
    if (c < 48 || c > 57) return -1;
    if (value > 922337203685477580UL) return -1;
    value = value * 10 + (u64)(c - 48);
    i++;
  }
  if (i == 0) return -1;
  return (i64)value;
}
static u16 htons_(u16 x) { return (u16)(((x & 0xff) << 8) | (x >> 8)); }
struct sockaddr_in_ { u16 sin_family; u16 sin_port; u32 sin_addr; u64 sin_zero; };
`;

export interface CProgram {
  name: string;
  /** Whether `main` takes no arguments (the no-libc `_start` is then a plain C function). */
  noArgs: boolean;
  body: string;
}

export const C_PROGRAMS: Record<string, CProgram> = {
  hello: {
    name: "hello",
    noArgs: true,
    body: String.raw`
static int main(void) {
  sys3(1, 1, (i64)"Hello, World!\n", 14);
  return 0;
}`,
  },
  probe: {
    name: "probe",
    noArgs: false,
    body: STRLEN + PARSE_PORT + String.raw`
static void print(const char *s) { sys3(1, 1, (i64)s, my_strlen(s)); }
static int main(int argc, char **argv) {
  if (argc != 2) { print("usage: probe PORT\n"); return 2; }
  u16 port = parse_port(argv[1]);
  if (port == 0) { print("probe: invalid port\n"); return 2; }
  i64 fd = sys3(41, 2, 1, 0);
  if (fd < 0) return 2;
  struct sockaddr_in_ addr = { 2, (u16)((port >> 8) | (port << 8)), 0x0100007f, 0 };
  i64 status = sys3(42, fd, (i64)&addr, 16);
  if (status == 0) print("Probe: Success (Service Reachable)\n");
  else print("Probe: Failed (Service Unreachable)\n");
  sys1(3, fd);
  return status == 0 ? 0 : 1;
}`,
  },
  cat: {
    name: "cat",
    noArgs: false,
    body: STRLEN + String.raw`
static void eprint(const char *s) { sys3(1, 2, (i64)s, my_strlen(s)); }
static int main(int argc, char **argv) {
  if (argc != 2) { eprint("usage: cat FILE\n"); return 2; }
  const char *path = argv[1];
  i64 fd = sys3(2, (i64)path, 0, 0);
  if (fd < 0) { eprint("cat: cannot open "); eprint(path); eprint("\n"); return 1; }
  u8 buf[4096];
  for (;;) {
    i64 n = sys3(0, fd, (i64)buf, 4096);
    if (n < 0) { eprint("cat: read error\n"); return 1; }
    if (n == 0) break;
    i64 done = 0;
    while (done < n) {
      i64 w = sys3(1, 1, (i64)&buf[done], n - done);
      if (w <= 0) return 1;
      done = done + w;
    }
  }
  sys1(3, fd);
  return 0;
}`,
  },
  echo_server: {
    name: "echo_server",
    noArgs: false,
    body: STRLEN + PARSE_PORT + String.raw`
static void print(u64 fd, const char *s) { sys3(1, fd, (i64)s, my_strlen(s)); }
static int fail(const char *msg) { print(2, msg); return 1; }
static int main(int argc, char **argv) {
  if (argc != 2) return fail("usage: echo_server PORT\n");
  u16 port = parse_port(argv[1]);
  if (port == 0) return fail("echo_server: invalid port\n");
  i64 server = sys3(41, 2, 1, 0);
  if (server < 0) return fail("echo_server: socket failed\n");
  u32 one = 1;
  sys5(54, server, 1, 2, (i64)&one, 4);
  struct sockaddr_in_ addr = { 2, (u16)((port >> 8) | (port << 8)), 0x0100007f, 0 };
  if (sys3(49, server, (i64)&addr, 16) < 0) return fail("echo_server: bind failed\n");
  if (sys2(50, server, 1) < 0) return fail("echo_server: listen failed\n");
  print(1, "listening\n");
  i64 client = sys3(43, server, 0, 0);
  if (client < 0) return fail("echo_server: accept failed\n");
  u8 buf[1024];
  for (;;) {
    i64 n = sys3(0, client, (i64)buf, 1024);
    if (n <= 0) break;
    i64 sent = 0;
    while (sent < n) {
      i64 w = sys3(1, client, (i64)&buf[sent], n - sent);
      if (w <= 0) return fail("echo_server: write failed\n");
      sent = sent + w;
    }
  }
  sys1(3, client);
  sys1(3, server);
  return 0;
}`,
  },
  probe_ts: {
    name: "probe_ts",
    noArgs: false,
    body: STRLEN + STD_TS + String.raw`
static i64 parse_ipv4(const char *s) {
  u32 addr = 0, part = 0, digits = 0, parts = 0;
  u64 i = 0;
  for (;;) {
    u8 c = (u8)s[i];
    if (c >= 48 && c <= 57) {
      part = part * 10 + (u32)(c - 48);
      digits++;
      if (part > 255 || digits > 3) return -1;
    } else if (c == 46 || c == 0) {
      if (digits == 0 || parts == 4) return -1;
      addr = addr | (part << (parts * 8));
      parts++;
      part = 0;
      digits = 0;
      if (c == 0) break;
    } else {
      return -1;
    }
    i++;
  }
  if (parts != 4) return -1;
  return (i64)addr;
}
static int main(int argc, char **argv) {
  if (argc != 3) { eprint("usage: probe HOST PORT\n"); return 2; }
  i64 host = parse_ipv4(argv[1]);
  i64 port = parse_u64(argv[2]);
  if (host < 0) { eprint("probe: invalid IPv4 address\n"); return 2; }
  if (port <= 0 || port > 65535) { eprint("probe: invalid port\n"); return 2; }
  i64 fd = sys3(41, 2, 1, 0);
  if (!is_ok(fd)) { eprint("probe: cannot create a socket\n"); return 2; }
  struct sockaddr_in_ addr = { 2, htons_((u16)port), (u32)host, 0 };
  i64 status = sys3(42, fd, (i64)&addr, 16);
  sys1(3, fd);
  if (is_ok(status)) { print("Probe: Success (Service Reachable)\n"); return 0; }
  print("Probe: Failed (Service Unreachable)\n");
  return 1;
}`,
  },
  cat_ts: {
    name: "cat_ts",
    noArgs: false,
    body: STRLEN + STD_TS + String.raw`
static int copy(i64 fd) {
  u8 buf[65536];
  for (;;) {
    i64 n = sys3(0, fd, (i64)buf, 65536);
    if (!is_ok(n)) return 0;
    if (n == 0) return 1;
    if (!is_ok(write_all(1, buf, (u64)n))) return 0;
  }
}
static int main(int argc, char **argv) {
  if (argc < 2) return copy(0) ? 0 : 1;
  u64 status = 0;
  for (u64 i = 1; i < (u64)argc; i++) {
    const char *path = argv[i];
    i64 fd = sys3(2, (i64)path, 0, 0);
    if (!is_ok(fd)) {
      eprint("cat: cannot open ");
      eprint(path);
      eprint("\n");
      status = 1;
      continue;
    }
    if (!copy(fd)) status = 1;
    sys1(3, fd);
  }
  return (int)status;
}`,
  },
  echo_server_ts: {
    name: "echo_server_ts",
    noArgs: false,
    body: STRLEN + STD_TS + String.raw`
static void serve(i64 client) {
  u8 buf[4096];
  for (;;) {
    i64 n = sys3(0, client, (i64)buf, 4096);
    if (!is_ok(n) || n == 0) break;
    write_all(client, buf, (u64)n);
  }
}
static int main(int argc, char **argv) {
  if (argc < 2 || argc > 3) { eprint("usage: echo_server PORT [COUNT]\n"); return 2; }
  i64 port = parse_u64(argv[1]);
  if (port <= 0 || port > 65535) { eprint("echo_server: invalid port\n"); return 2; }
  i64 count = 1;
  if (argc == 3) count = parse_u64(argv[2]);
  if (count < 0) { eprint("echo_server: invalid count\n"); return 2; }
  i64 server = sys3(41, 2, 1, 0);
  if (!is_ok(server)) return 1;
  u32 one = 1;
  sys5(54, server, 1, 2, (i64)&one, 4);
  struct sockaddr_in_ addr = { 2, htons_((u16)port), 0x0100007f, 0 };
  if (!is_ok(sys3(49, server, (i64)&addr, 16))) { eprint("echo_server: cannot bind\n"); return 1; }
  if (!is_ok(sys2(50, server, 16))) return 1;
  print("listening\n");
  for (i64 i = 0; i < count; i++) {
    i64 client = sys3(43, server, 0, 0);
    if (!is_ok(client)) return 1;
    serve(client);
    sys1(3, client);
  }
  sys1(3, server);
  return 0;
}`,
  },
  sieve: {
    name: "sieve",
    noArgs: true,
    body: PRINT_U64 + String.raw`
#define N 20000000
static u8 composite[N];
static int main(void) {
  u64 count = 0;
  for (u64 i = 2; i < N; i = i + 1) {
    if (composite[i] == 0) {
      count = count + 1;
      for (u64 j = i * i; j < N; j = j + i) composite[j] = 1;
    }
  }
  print_u64(count);
  return 0;
}`,
  },
  fib: {
    name: "fib",
    noArgs: true,
    body: PRINT_U64 + String.raw`
static u64 fib(u64 n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}
static int main(void) {
  print_u64(fib(32));
  return 0;
}`,
  },
  fnv: {
    name: "fnv",
    noArgs: true,
    body: PRINT_U64 + String.raw`
#define WORDS 8388608
static u64 words[WORDS];
static int main(void) {
  u64 x = 1;
  for (u64 i = 0; i < WORDS; i = i + 1) {
    x = x * 6364136223846793005UL + 1442695040888963407UL;
    words[i] = x;
  }
  const u8 *p = (const u8 *)words;
  u64 h = 0xcbf29ce484222325UL;
  for (u64 i = 0; i < WORDS * 8; i = i + 1) h = (h ^ (u64)p[i]) * 0x100000001b3UL;
  print_u64(h);
  return 0;
}`,
  },
  heapsort: {
    name: "heapsort",
    noArgs: true,
    body: PRINT_U64 + String.raw`
#define N 200000
static u64 a[N];
static void sift_down(u64 root, u64 end) {
  for (;;) {
    u64 child = root * 2 + 1;
    if (child >= end) return;
    if (child + 1 < end && a[child] < a[child + 1]) child = child + 1;
    if (a[root] >= a[child]) return;
    u64 t = a[root]; a[root] = a[child]; a[child] = t;
    root = child;
  }
}
static int main(void) {
  u64 x = 1;
  for (u64 i = 0; i < N; i = i + 1) {
    x = x * 6364136223846793005UL + 1442695040888963407UL;
    a[i] = x;
  }
  for (u64 start = N / 2; start > 0;) { start = start - 1; sift_down(start, N); }
  for (u64 end = N; end > 1;) {
    end = end - 1;
    u64 t = a[0]; a[0] = a[end]; a[end] = t;
    sift_down(0, end);
  }
  u64 sum = 0;
  for (u64 i = 0; i < N; i = i + 1) {
    if (i > 0 && a[i - 1] > a[i]) { print_u64(0); return 1; }
    sum = sum * 31 + a[i];
  }
  print_u64(sum);
  return 0;
}`,
  },
};

/** The complete C text of a program, for a no-libc or a glibc build. */
export function cSource(program: CProgram, nolibc: boolean): string {
  const defs = [nolibc ? "#define NOLIBC 1" : "", program.noArgs ? "#define MAIN_NOARGS 1" : ""].filter(Boolean).join("\n");
  // glibc needs a non-static main with the usual signature.
  const body = nolibc ? program.body : program.body.replace(/static int main\(/, "int main(");
  return `${defs}\n${PRELUDE}\n${body}\n`;
}
