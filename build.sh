#!/usr/bin/env bash
# README command 1: restore the local tools (PowerShell), build the solution (Release), lay out module/ and its help,
# then design and export the e-commerce example and print where the design went.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

dotnet tool restore
dotnet build DbArchitect.PS.sln -c Release -nologo
dotnet pwsh -NoProfile -NonInteractive -File tools/Run-Example.ps1
