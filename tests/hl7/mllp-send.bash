#!/bin/bash
# mllp-send.bash PORT FILE ID [HALF]: send FILE (its control id M0001
# replaced by ID) as one MLLP frame to 127.0.0.1:PORT and print the ACK's
# MSA segment. With HALF, send only the first HALF bytes after the start
# byte and close the connection (a message dropped mid-way).
set -u
port=$1 file=$2 id=$3 half=${4:-}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
if [ -n "$half" ]; then
	{ printf '\013'; head -c "$half" "$file"; } >&3
	sleep 0.3
	exec 3<&-
	exit 0
fi
{ printf '\013'; sed "s/M0001/$id/" "$file"; printf '\034\r'; } >&3
IFS= read -r -d $'\034' -t 10 ack <&3
exec 3<&-
printf '%s' "$ack" | tr '\r' '\n' | grep '^MSA'
