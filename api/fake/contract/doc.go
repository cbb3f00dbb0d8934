// Package contract loads the project's OpenAPI contract
// (api/testdata/opencx.openapi.yaml, the published document copied byte for
// byte) and checks answers against it with a JSON Schema validator that is
// not ours (santhosh-tekuri/jsonschema), so that the fake server is a
// witness of the contract and not a second opinion. It is test support,
// linked into no program.
package contract
