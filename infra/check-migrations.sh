#!/usr/bin/env bash
# Shipped migrations are append-only: DbUp journals a script by name, so a database that already ran a
# script never sees a change made to it later. migrations.lock holds the SHA-256 of every script; this
# check fails when a locked script changed or vanished, when a script is not locked, or when the lock
# of the previous commit (MIGRATIONS_BASE, default HEAD~1) lost or changed a line.
#   infra/check-migrations.sh [repo]          check
#   infra/check-migrations.sh --lock [repo]   add the scripts not yet locked (existing lines are never rewritten)
set -euo pipefail
lock_mode=false
if [[ "${1:-}" == --lock ]]; then lock_mode=true; shift; fi
cd "${1:-$(dirname "${BASH_SOURCE[0]}")/..}"
LOCK=migrations.lock

scripts() { git ls-files --cached --others --exclude-standard -- 'src/*/Migrations/*.sql' | sort -u | while read -r f; do [[ -f "$f" ]] && echo "$f"; done; }
locked() { awk '{print $2}' "$LOCK" 2>/dev/null | sort -u; }

if $lock_mode; then
  [[ -f "$LOCK" ]] || : >"$LOCK"
  new=$(comm -23 <(scripts) <(locked))
  if [[ -n "$new" ]]; then
    { cat "$LOCK"; while read -r f; do sha256sum "$f"; done <<<"$new"; } | sort -k2 >"$LOCK.tmp" && mv "$LOCK.tmp" "$LOCK"
    echo "migrations: locked $(wc -l <<<"$new") new script(s)"
  fi
  exit 0
fi

[[ -f "$LOCK" ]] || { echo "migrations: no $LOCK; create it with infra/check-migrations.sh --lock" >&2; exit 1; }
problems=0
fail() { echo "migrations: $*" >&2; problems=$((problems + 1)); }
rule="shipped migrations are append-only: restore it and add the next numbered script"

while read -r hash file; do
  [[ -z "$file" ]] && continue
  if [[ ! -f "$file" ]]; then fail "$file is locked but missing; $rule"
  elif [[ "$(sha256sum "$file" | awk '{print $1}')" != "$hash" ]]; then fail "$file changed; $rule"
  fi
done <"$LOCK"

while read -r file; do
  [[ -n "$file" ]] && fail "$file is not in $LOCK: add it with infra/check-migrations.sh --lock"
done < <(comm -23 <(scripts) <(locked))

base="${MIGRATIONS_BASE:-HEAD~1}"
if git rev-parse -q --verify "$base^{commit}" >/dev/null 2>&1 && previous=$(git show "$base:$LOCK" 2>/dev/null); then
  while read -r line; do
    [[ -n "$line" ]] && ! grep -qxF "$line" "$LOCK" && fail "${line##* } was locked in $base as ${line%% *} and is not now; $rule"
  done <<<"$previous"
fi

((problems == 0)) || exit 1
echo "migrations: $(grep -c . "$LOCK" || true) scripts, unchanged"
