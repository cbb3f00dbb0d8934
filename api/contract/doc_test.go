//go:build prism

// Package contract_test holds the contract harness: the real client driven
// through Stoplight Prism, which validates every request cxi sends and
// every answer the fake server gives against opencx.openapi.yaml. It has
// only tests, tagged prism; .ci/run runs them with CXI_PRISM set:
//
//	CXI_PRISM=.ci/node_modules/.bin/prism go test -tags prism ./api/contract/
package contract_test
