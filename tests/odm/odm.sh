# ODM checks shared by the export_odm tests: validation against the CDISC
# ODM 1.3.2 XML Schema vendored in tests/odm/schema (see its README), and the
# ItemData values the schema cannot type. Source it after tests/cli/lib.sh.
ODM_SCHEMA_DIR=$(cd "$(dirname "$0")/../odm/schema" && pwd)
# The root for a plain ODM file without vendor extensions: it imports xml.xsd
# and xmldsig-core-schema.xsd from ../core and includes the foundation.
ODM_XSD=$ODM_SCHEMA_DIR/cdisc-odm-1.3.2/ODM1-3-2.xsd

# odm_schema_pinned: the vendored schema files are the ones SHA256SUMS names
# (a re-vendored or line-ending-normalised copy fails here, not silently).
odm_schema_pinned() {
	if (cd "$ODM_SCHEMA_DIR" && sha256sum --quiet --strict -c SHA256SUMS) >"$T/sums" 2>&1; then
		ok "the ODM 1.3.2 schema files match SHA256SUMS"
	else
		notok "the ODM 1.3.2 schema files differ from SHA256SUMS: $(cat "$T/sums")"
	fi
}

# odm_valid NAME FILE: FILE is valid against ODM1-3-2.xsd. --nonet: every
# import resolves inside tests/odm/schema, never over the network.
odm_valid() {
	if xmllint --nonet --noout --schema "$ODM_XSD" "$2" >"$T/xsd.out" 2>&1; then
		ok "$1: valid against the ODM 1.3.2 XSD"
	else
		notok "$1: rejected by the ODM 1.3.2 XSD: $(grep -v ' validates$' "$T/xsd.out" | head -5)"
	fi
}

# odm_typed_values NAME NONS: the XSD types ItemData/@Value as text only, so
# each value is checked against its ItemDef's DataType here, with the lexical
# forms the foundation gives those types (integer: xs:integer, float:
# xs:decimal, date: xs:date, datetime: xs:dateTime; no time zone on a date).
# NONS is a copy of the document without its default namespace.
odm_typed_values() {
	for dt in integer float date datetime; do
		oids=$(xmllint --xpath "//ItemDef[@DataType='$dt']/@OID" "$2" 2>/dev/null | sed 's/.*OID="\([^"]*\)"/\1/')
		[ -n "$oids" ] || continue
		pred=$(printf "@ItemOID='%s' or " $oids)
		xmllint --xpath "//ItemData[${pred% or }]/@Value" "$2" 2>/dev/null |
			sed 's/.*Value="\([^"]*\)"/\1/' >"$T/values.$dt"
		case $dt in
		integer) re='^[+-]?[0-9]+$' ;;
		float) re='^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$' ;;
		date) re='^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' ;;
		datetime) re='^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$' ;;
		esac
		bad=$(grep -Ev "$re" "$T/values.$dt" | sort -u | head -5 | tr '\n' ' ')
		n=$(wc -l <"$T/values.$dt")
		[ -z "$bad" ] && ok "$1: $n $dt values, each in the $dt form" ||
			notok "$1: $dt values not in the $dt form ($n checked): $bad"
	done
}
