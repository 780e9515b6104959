#!/usr/bin/env bash
# Checks what `make dist` built (scripts/dist-check.sh TREE TARBALL; `make dist-check` runs it):
# - the binary needs no Swift toolchain: no libswift* (or any library but the C library's) in ldd or
#   the ELF's NEEDED entries, no RPATH/RUNPATH, and it reports a sample from an empty directory with
#   an empty environment (LD_LIBRARY_PATH empty, PATH without the toolchain);
# - the tarball holds the binary, the kubectl plugin link, the man page and the completions, and
#   installs by unpacking into a prefix, as the README says;
# - `make install PREFIX=…` into a temporary prefix gives a man page that renders, bash completions
#   that load and complete, and a `kubectl-cas_logs` that works (through kubectl when it is installed).
set -euo pipefail
tree=$1
tarball=$2
root=$(cd "$(dirname "$0")/.." && pwd)
sample=$root/SampleLogs/000-seed-blog-scaleup.log
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "dist-check: FAIL: $*" >&2; exit 1; }
binary=$tree/bin/cas-logs

# 1. No Swift runtime, nor anything else but the C library, is loaded from outside the binary.
libraries=$(ldd "$binary" 2>&1 || true)
echo "ldd: $libraries"
if grep -q 'libswift\|libFoundation\|libdispatch\|libpcre2\|libz\.\|libstdc++\|libicu' <<<"$libraries"; then
  fail "the binary loads toolchain or third-party libraries: $libraries"
fi
needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for library in $needed; do
  case $library in
    libc.so.* | libm.so.* | libpthread.so.* | libdl.so.* | librt.so.* | ld-linux*.so.*) ;;
    *) fail "the binary needs $library" ;;
  esac
done
if readelf -d "$binary" | grep -q 'RPATH\|RUNPATH'; then fail "the binary has a library search path"; fi
mkdir "$work/empty"
cp "$binary" "$work/empty/cas-logs"
report=$(cd "$work/empty" && env -i LD_LIBRARY_PATH= PATH=/nonexistent ./cas-logs report "$sample")
grep -q '^Scale-ups: 1' <<<"$report" || fail "the static binary's report: $report"
json=$(cd "$work/empty" && env -i LD_LIBRARY_PATH= PATH=/nonexistent ./cas-logs report -o json "$sample")
grep -q '"schemaVersion": 1' <<<"$json" || fail "the static binary's JSON report"
(cd "$work/empty" && env -i LD_LIBRARY_PATH= PATH=/nonexistent ./cas-logs assert --expect 'scale-up succeeded' \
  -- /bin/cat "$sample" >/dev/null) || fail "the static binary's assert -- cat"
echo "dist-check: the static binary runs without the toolchain"

# 2. The tarball, unpacked into a prefix as the README says.
listing=$(tar -tzf "$tarball")
for path in bin/cas-logs bin/kubectl-cas_logs share/man/man1/cas-logs.1 share/bash-completion/completions/cas-logs \
  share/zsh/site-functions/_cas-logs share/fish/vendor_completions.d/cas-logs.fish; do
  grep -q "/$path\$" <<<"$listing" || fail "the tarball lacks $path"
done
mkdir "$work/unpacked"
tar -xzf "$tarball" -C "$work/unpacked" --strip-components=1
"$work/unpacked/bin/kubectl-cas_logs" --version >/dev/null || fail "the unpacked kubectl-cas_logs"
echo "dist-check: the tarball holds the binary, the plugin link, the man page and the completions"

# 3. make install into a temporary prefix.
prefix=$work/prefix
make -C "$root" --no-print-directory install PREFIX="$prefix" >/dev/null
manual=$prefix/share/man/man1/cas-logs.1
if command -v man >/dev/null; then
  page=$(MANWIDTH=100 man -l "$manual" 2>"$work/man.err") || true
elif command -v groff >/dev/null; then
  page=$(groff -man -Tutf8 "$manual" 2>"$work/man.err") || true
else
  page=$(cat "$manual")
  echo "dist-check: neither man nor groff is installed: the man page's source is checked, not its rendering"
fi
grep -q 'cas.*logs assert' <<<"$page" || fail "the man page does not render: $(cat "$work/man.err" 2>/dev/null)"
grep -q 'insufficient evidence' <<<"$page" || fail "the man page lacks the exit codes"
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$prefix/share/man/man1/cas-logs.1" 2>&1)
  [ -z "$warnings" ] || fail "groff warns: $warnings"
fi
completions=$prefix/share/bash-completion/completions/cas-logs
completed=$(bash -c 'source "$1"; COMP_WORDS=(cas-logs rep); COMP_CWORD=1; COMP_LINE="cas-logs rep"; COMP_POINT=12;
  function=$(complete -p cas-logs | sed -n "s/.*-F \([^ ]*\).*/\1/p"); "$function" cas-logs rep cas-logs;
  printf "%s\n" "${COMPREPLY[@]}"' bash "$completions")
grep -qx 'report' <<<"$completed" || fail "bash completion of 'cas-logs rep': $completed"
if command -v zsh >/dev/null; then zsh -n "$prefix/share/zsh/site-functions/_cas-logs" || fail "zsh completions"; fi
if command -v fish >/dev/null; then
  fish -n "$prefix/share/fish/vendor_completions.d/cas-logs.fish" || fail "fish completions"
fi
[ "$(readlink "$prefix/bin/kubectl-cas_logs")" = cas-logs ] || fail "kubectl-cas_logs is no link to cas-logs"
help=$("$prefix/bin/kubectl-cas_logs" --help)
grep -q 'USAGE: cas-logs' <<<"$help" || fail "kubectl-cas_logs --help: $help"
"$prefix/bin/kubectl-cas_logs" report "$sample" | grep -q '^Scale-ups: 1' || fail "kubectl-cas_logs report"
if command -v kubectl >/dev/null; then
  PATH=$prefix/bin:$PATH kubectl plugin list 2>/dev/null | grep -q 'kubectl-cas_logs' || fail "kubectl plugin list"
  PATH=$prefix/bin:$PATH kubectl cas-logs report "$sample" | grep -q '^Scale-ups: 1' || fail "kubectl cas-logs report"
fi
echo "dist-check: make install gives a man page, bash completions and a kubectl plugin that work"
