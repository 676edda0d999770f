#!/usr/bin/env bash
# Builds self-contained agents for the Raspberry Pi (linux-arm64) and x64 boxes into artifacts/edge/<rid>/.
set -euo pipefail
cd "$(dirname "$0")/../.."
for rid in "${@:-linux-arm64 linux-x64}"; do
  for r in $rid; do
    out="artifacts/edge/$r"
    dotnet publish src/EdgeAgent/EdgeAgent.csproj -c Release -r "$r" --self-contained true -o "$out"
    cp deploy/edge/appsettings.json "$out/appsettings.json"
    cp deploy/edge/pdm-edge-agent.service deploy/edge/agent.env.example "$out/"
    echo "published $out"
  done
done
