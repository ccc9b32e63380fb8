package sarif

type MessageStrings map[string]MultiformatMessageString
