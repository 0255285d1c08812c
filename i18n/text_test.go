package i18n

import "testing"

func TestIn(t *testing.T) {
	cases := []struct {
		text Text
		tag  string
		want string
	}{
		{Text{"bonjour", "hello"}, "fr", "bonjour"},
		{Text{"bonjour", "hello"}, "en", "hello"},
		{Text{"bonjour", "hello"}, "en-GB", "hello"},
		{Text{"bonjour", "hello"}, "EN_us", "hello"},
		{Text{"bonjour", "hello"}, "", "bonjour"},
		{Text{"bonjour", "hello"}, "de", "bonjour"},
		{Text{"bonjour", ""}, "en", "bonjour"},
	}
	for _, c := range cases {
		if got := c.text.In(c.tag); got != c.want {
			t.Errorf("%v.In(%q) = %q, want %q", c.text, c.tag, got, c.want)
		}
	}
}

func TestComplete(t *testing.T) {
	if (Text{"a", " "}).Complete() {
		t.Error("a text with a blank English side counts as complete")
	}
	if !(Text{"a", "b"}).Complete() {
		t.Error("a text with both sides counts as incomplete")
	}
}
