package config

import "testing"

func TestParseSpoolMode(t *testing.T) {
	checkEnum(t, ParseSpoolMode, SpoolModes, SpoolAlways, []enumCase{
		{"sometimes", `"sometimes": want one of [outage always]`},
		{"Always", `"Always": want one of [outage always] (did you mean "always"?)`},
		{"", `"": want one of [outage always]`},
	})
}

func TestParseFsyncPolicy(t *testing.T) {
	checkEnum(t, ParseFsyncPolicy, FsyncPolicies, FsyncKeyframe, []enumCase{
		{"allways", `"allways": want one of [interval keyframe always] (did you mean "always"?)`},
		{"never", `"never": want one of [interval keyframe always]`},
	})
}
