package model

import "testing"

func TestWordLists(t *testing.T) {
	if !IsCoroutineAnnotation(CoroutineFn) || IsCoroutineAnnotation("coroutine") {
		t.Error("IsCoroutineAnnotation does not read CoroutineAnnotations")
	}
	seen := map[string]bool{}
	for _, sc := range StorageClasses {
		if seen[sc.Name] {
			t.Errorf("storage class %s listed twice", sc.Name)
		}
		seen[sc.Name] = true
		if got, ok := LookupStorageClass(sc.Name); !ok || got != sc {
			t.Errorf("LookupStorageClass(%s) = %v, %v", sc.Name, got, ok)
		}
	}
	if sc, ok := LookupStorageClass("extern"); !ok || !sc.OfFunction {
		t.Error("extern is a storage class of functions")
	}
	if _, ok := LookupStorageClass("const"); ok {
		t.Error("const is a qualifier, not a storage class")
	}
}
