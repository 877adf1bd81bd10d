#!/usr/bin/env bash
# Creates (or moves) the baseline checkout for same-run "before and after" benchmarks: a git worktree of the given
# commit outside this repository, which the Baseline configuration of benchmarks/Ace.Core.Benchmarks builds against.
#
#   benchmarks/baseline.sh [COMMIT] [PATH]
#
# COMMIT defaults to e12f854 (main before the issue 12 redesign); PATH defaults to ../Ace.Core-baseline beside the
# repository, the default of the MSBuild property AceBaselineRoot (pass -p:AceBaselineRoot=PATH, or set the
# environment variable AceBaselineRoot, for another place). Then, e.g.:
#
#   dotnet run -c Release --project benchmarks/Ace.Core.Benchmarks -- --baseline-compare --filter '*SphericalHarmonics*' --job short
#
# Remove the checkout with: git worktree remove PATH
set -euo pipefail

repo="$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)"
commit="${1:-e12f854}"
target="${2:-$repo/../Ace.Core-baseline}"

if [ -e "$target" ]; then
    if git -C "$target" rev-parse --git-dir >/dev/null 2>&1; then
        echo "baseline.sh: $target exists; checking out $commit there"
        git -C "$target" checkout --quiet --detach "$commit"
    else
        echo "baseline.sh: $target exists and is not a git checkout; choose another PATH" >&2
        exit 1
    fi
else
    git -C "$repo" worktree add --detach "$target" "$commit"
fi
echo "baseline.sh: $(git -C "$target" log -1 --oneline) at $(cd "$target" && pwd)"
