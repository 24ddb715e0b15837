# Shared by scripts/run and scripts/test: find Python 3.12+, keep .venv installed.
# shellcheck shell=bash

find_python() {
  local candidates=() cand root
  for cand in python3.14 python3.13 python3.12 python3 python; do
    command -v "$cand" >/dev/null 2>&1 && candidates+=("$(command -v "$cand")")
  done
  # pyenv keeps versions that its shims refuse unless selected; look at them directly.
  root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
  for cand in "$root"/versions/3.1[2-9]*/bin/python3 /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do
    [ -x "$cand" ] && candidates+=("$cand")
  done
  for cand in "${candidates[@]}"; do
    if "$cand" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then
      echo "$cand"
      return 0
    fi
  done
  echo "error: Python 3.12 or newer is required (Django 6.1), and none was found on the PATH or in pyenv." >&2
  echo "       Install Python 3.12+ (e.g. 'pyenv install 3.12' or your system's python3.12 package) and run this again." >&2
  return 1
}

# ensure_venv REQUIREMENTS_FILE: create .venv with Python 3.12+ and install the file when it changed.
ensure_venv() {
  local requirements=$1 python stamp want
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
    python=$(find_python) || exit 1
    echo "Creating .venv with $("$python" --version) ($python)"
    rm -rf .venv
    "$python" -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
  fi
  stamp=.venv/.installed-$(basename "$requirements")
  want=$(cat requirements*.txt | sha256sum | cut -c1-16)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "Installing $requirements into .venv"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
    echo "$want" > "$stamp"
  fi
}
