#!/usr/bin/env bash
# Measures `ace fit --cluster` with 1, 2 and 4 local worker processes (one assembly thread each) on generated
# Stillinger-Weber silicon data, printing wall times, atoms/s and the machine's load (docs/cluster.md, "Scaling").
# Usage: benchmarks/cluster/scaling.sh [structures, default 4000] [worker counts, default "1 2 4"]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
structures=${1:-4000}
counts=${2:-"1 2 4"}
work=$(mktemp -d)
trap 'for p in $(cat "$work"/*.pid 2>/dev/null); do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
dotnet build "$root/src/Ace.Cli" -c Release >/dev/null
ace="$root/src/Ace.Cli/bin/Release/net10.0/ace"
(cd "$work" && dotnet run "$root/samples/cluster-data.cs" -- "$work/data" "$structures")
sed -i 's/^atoms_per_shard: .*/atoms_per_shard: 1000/' "$work/data/cluster.yaml"
atoms=$(awk 'NR==1{n=$1; t+=n; skip=n+1; next} skip>0{skip--; next} NF==1{t+=$1; skip=$1+1} END{print t}' "$work/data/train.xyz")
echo "machine: $(nproc) cores; data: $structures structures, $atoms atoms"
for n in $counts; do
  gateways=""
  for k in $(seq 0 $((n - 1))); do
    "$ace" worker --cluster "$work/data/cluster.yaml" --threads 1 --silo-port $((11111 + k)) --gateway-port $((30000 + k)) \
      >"$work/worker$k.log" 2>&1 &
    echo $! >"$work/worker$k.pid"
    gateways="$gateways${gateways:+, }127.0.0.1:$((30000 + k))"
  done
  sed -i "s/^gateways: .*/gateways: [$gateways]/" "$work/data/cluster.yaml"
  sleep 8 # the workers join the primary
  rm -rf "$work/data/checkpoints"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s.%N)
  "$ace" fit "$work/data/fit.yaml" --cluster "$work/data/cluster.yaml" --no-report >"$work/fit$n.log" 2>&1
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc)
  echo "workers $n: the fit command took $seconds s (with start-up, basis, planning, solve and error tables); load before: $load"
  grep '^assembled' "$work/fit$n.log" | sed 's/^/  /'
  echo "  load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  for k in $(seq 0 $((n - 1))); do kill "$(cat "$work/worker$k.pid")"; rm "$work/worker$k.pid"; done
  sleep 3
done
