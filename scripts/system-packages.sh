#!/usr/bin/env bash
# npm preinstall: the Debian packages llvm-bindings is built against and the
# compiler runs (LLVM 14, binutils, cmake, g++). Installs the missing ones with
# apt-get when it can (root, or sudo without a password); otherwise says the
# one command to run. .ci/run also installs the test-only extras (qemu, gdb).
set -euo pipefail
need=()
command -v llc-14 >/dev/null 2>&1 || need+=(llvm-14)
[ -f /usr/lib/llvm-14/lib/cmake/llvm/LLVMConfig.cmake ] || need+=(llvm-14-dev)
command -v ld >/dev/null 2>&1 || need+=(binutils)
command -v cmake >/dev/null 2>&1 || need+=(cmake)
command -v g++ >/dev/null 2>&1 || need+=(g++)
[ ${#need[@]} -eq 0 ] && exit 0
line="apt-get install -y ${need[*]}"
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then as=(); elif sudo -n true 2>/dev/null; then as=(sudo); else as=(none); fi
  if [ "${as[*]}" != none ]; then
    echo "lwanga: installing system packages: ${need[*]}" >&2
    "${as[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as[@]}" apt-get install -y -qq "${need[@]}"
    exit 0
  fi
fi
echo "lwanga: missing system packages: ${need[*]}; install them first: sudo $line" >&2
exit 1
