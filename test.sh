#!/usr/bin/env bash
# The test command of the README: installs what some tests need when it is missing (Debian's
# chromium for the flamegraph's browser tests, golang-go for `go tool pprof`, tmux for the live
# `top` test), then runs every test project, one after another. Extra arguments go to
# `dotnet test`. HYBRIDPROF_TEST_SETUP_ONLY=1 stops after the set-up (its own test uses that).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v go >/dev/null 2>&1 || missing+=(golang-go)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: the tests need ${missing[*]} (Debian package names), and there is no apt-get here to install them: install them, then run ./test.sh again." >&2
    exit 1
  fi
  run_as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "test.sh: the tests need ${missing[*]}; installing them needs root, and there is no sudo: run 'apt-get install -y ${missing[*]}' as root, then ./test.sh again." >&2
      exit 1
    fi
    run_as_root=(sudo)
  fi
  echo "test.sh: installing ${missing[*]} (apt-get) for the tests that need them." >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! { "${run_as_root[@]}" apt-get update -qq && "${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >&2; then
    echo "test.sh: apt-get could not install ${missing[*]}; the tests that need them would fail, so none ran." >&2
    exit 1
  fi
fi

[ "${HYBRIDPROF_TEST_SETUP_ONLY:-0}" = "1" ] && exit 0
# -m:1: the end-to-end tests count samples and should not share the cores with the other suites.
exec dotnet test HybridProf.sln -c Release -m:1 "$@"
