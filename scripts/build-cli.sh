#!/usr/bin/env bash
# Builds the precompiled (ReadyToRun) `omnigraph` CLI for this machine into artifacts/cli and prints the path of its
# omnigraph.dll on stdout (build output goes to stderr), so callers can write `cli="$(scripts/build-cli.sh)"` and run
# `dotnet "$cli" ...`. The README's alias, samples/demo.sh and the benchmark's compare.sh all run this build: a command
# of the precompiled CLI starts in about half the time of the plain `dotnet build` output, which compiles the silo's
# start-up just in time on every run (docs/cli.md, "Start-up cost"). Incremental: a second run with nothing changed only
# checks (10–25 s); the first one, or one after a change to the CLI project file, precompiles every assembly again
# (3–11 minutes on the shared two-core machine).
# Prerequisite: the .NET 10 SDK; the ReadyToRun compiler package for the machine's runtime comes from NuGet on restore.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/artifacts/cli"

dotnet publish "$root/src/OmniGraph.Cli/OmniGraph.Cli.csproj" -c Release -o "$out" -nologo -v quiet >&2
echo "$out/omnigraph.dll"
