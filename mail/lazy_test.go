package mail

import (
	"regexp"
	"testing"
)

// TestTablesLoad builds every table and expression the engine loads on
// first use, so that broken embedded data or a bad expression fails here
// rather than in the middle of a user's scan.
func TestTablesLoad(t *testing.T) {
	loads := map[string]func(){
		"families":      func() { families() },
		"words":         func() { words() },
		"phrases":       func() { phrases() },
		"advice":        func() { advice() },
		"domains":       func() { domains() },
		"catalogue":     func() { catalogue() },
		"supportFamily": func() { supportFamily() },
		"engineVersion": func() { engineVersion() },
	}
	for name, re := range map[string]func() *regexp.Regexp{
		"mentionedAddress": mentionedAddress, "yearBilan": yearBilan,
		"forwardMarker": forwardMarker, "forwardOnlyMarker": forwardOnlyMarker,
		"quotedField": quotedField, "forwardSubject": forwardSubject,
		"mailtoAddr": mailtoAddr, "frenchDate": frenchDate,
		"headerLine": headerLine, "knownFields": knownFields,
	} {
		loads[name] = func() { re() }
	}
	for name, load := range loads {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: %v", name, r)
				}
			}()
			load()
		}()
	}
}
