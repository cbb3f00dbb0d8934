package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/dlclark/regexp2"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

// docURL is the name the document is loaded under; every "$ref" in it is a
// JSON pointer from its root, so the name only has to be absolute.
const docURL = "file:///opencx.openapi.json"

// Document is the contract, parsed and ready to compile any schema in it.
// Compiled schemas are cached; it is safe for concurrent use.
type Document struct {
	paths map[string]any // the document's "paths", as parsed

	mu       sync.Mutex
	compiler *jsonschema.Compiler
	compiled map[string]*jsonschema.Schema // by JSON pointer
}

// Path returns where the contract lives in the repository, found from this
// source file so that a test in any package can load it.
func Path() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "opencx.openapi.yaml")
}

// Load parses the contract at Path.
func Load() (*Document, error) { return Parse(Path()) }

// Parse reads an OpenAPI 3.1 document in YAML.
func Parse(path string) (*Document, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	root, _ := doc.(map[string]any)
	paths, _ := root["paths"].(map[string]any)
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no paths", path)
	}
	// The published schemas carry fragment-only IDs such as
	// "$id: '#/components/schemas/GetChatSessionOutput'", which the 2020-12
	// metaschema rejects ("$id" must not carry a fragment). They add nothing
	// here: the document is one resource and its "$ref"s are JSON pointers
	// from its root, so the IDs go before compiling.
	components, _ := root["components"].(map[string]any)
	schemas, ok := components["schemas"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: no components.schemas", path)
	}
	for _, s := range schemas {
		if m, ok := s.(map[string]any); ok {
			delete(m, "$id")
		}
	}
	// Through JSON, so that the compiler sees JSON's types (json.Number,
	// map[string]any), not YAML's ints.
	js, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	res, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // a bad UUID or date-time must fail, not pass as a mere annotation
	c.UseRegexpEngine(compileECMA)
	if err := c.AddResource(docURL, res); err != nil {
		return nil, err
	}
	return &Document{paths: paths, compiler: c, compiled: make(map[string]*jsonschema.Schema)}, nil
}

// Schema compiles the schema at a JSON pointer of the document, such as
// "/components/schemas/GetChatSessionOutput".
func (d *Document) Schema(pointer string) (*jsonschema.Schema, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if s, ok := d.compiled[pointer]; ok {
		return s, nil
	}
	s, err := d.compiler.Compile(docURL + "#" + pointer)
	if err != nil {
		return nil, fmt.Errorf("compile %s: %w", pointer, err)
	}
	d.compiled[pointer] = s
	return s, nil
}

// ecmaRegexp adapts regexp2 to jsonschema.Regexp: the schema's email
// pattern uses lookaheads "(?!", which Go's RE2-based regexp cannot compile.
type ecmaRegexp regexp2.Regexp

func (re *ecmaRegexp) MatchString(s string) bool {
	ok, err := (*regexp2.Regexp)(re).MatchString(s)
	return err == nil && ok
}

func (re *ecmaRegexp) String() string { return (*regexp2.Regexp)(re).String() }

func compileECMA(s string) (jsonschema.Regexp, error) {
	re, err := regexp2.Compile(s, regexp2.ECMAScript)
	if err != nil {
		return nil, err
	}
	return (*ecmaRegexp)(re), nil
}
