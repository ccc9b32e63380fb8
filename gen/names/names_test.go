package names_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/names"
)

// filled is what Fill works out, beside the uses (which package emit's
// tests hold to the templates).
type filled struct {
	Target, StructName, Caller, Context string
	LockCall, UnlockCall, AssumeLock    string
	Defines                             [3]model.Use
}

// TestFill pins the names of one wrapper per kind of difference between
// the releases: the target from the name, the struct after the wrapper or
// (to 7.2) the target, the entry or bottom half, the context expression
// (the parameter itself in the poll state, the struct member in a bottom
// half), and the lock calls from the dialect.
func TestFill(t *testing.T) {
	bs := model.Param{Type: "BlockDriverState *", Name: "bs"}
	child := model.Param{Type: "BdrvChild *", Name: "c"}
	blk := model.Param{Type: "BlockBackend *", Name: "blk"}
	use := func(name string, role model.Role) model.Use { return model.Use{Name: name, Role: role} }
	for _, tc := range []struct {
		release, marker, name string
		first                 model.Param
		want                  filled
	}{
		{"5.2", "generated_co_wrapper", "bdrv_pread", bs, filled{
			Target: "bdrv_co_pread", StructName: "BdrvCoPread", Caller: "bdrv_co_pread_entry", Context: "bs",
			Defines: [3]model.Use{use("bdrv_pread", model.RoleWrapper), use("BdrvCoPread", model.RoleStruct), use("bdrv_co_pread_entry", model.RoleEntry)},
		}},
		{"6.2", "generated_co_wrapper", "blk_pread", blk, filled{
			Target: "blk_co_pread", StructName: "BlkCoPread", Caller: "blk_co_pread_entry", Context: "blk_bs(blk)",
			Defines: [3]model.Use{use("blk_pread", model.RoleWrapper), use("BlkCoPread", model.RoleStruct), use("blk_co_pread_entry", model.RoleEntry)},
		}},
		{"8.0", "co_wrapper_mixed_bdrv_rdlock", "bdrv_pread", child, filled{
			Target: "bdrv_co_pread", StructName: "BdrvPread", Caller: "bdrv_co_pread_entry", Context: "bdrv_get_aio_context(child->bs)",
			LockCall: "bdrv_graph_co_rdlock()", UnlockCall: "bdrv_graph_co_rdunlock()", AssumeLock: "assume_graph_lock()",
			Defines: [3]model.Use{use("bdrv_pread", model.RoleWrapper), use("BdrvPread", model.RoleStruct), use("bdrv_co_pread_entry", model.RoleEntry)},
		}},
		{"8.0", "no_co_wrapper", "bdrv_co_open", bs, filled{
			Target: "bdrv_open", StructName: "BdrvCoOpen", Caller: "bdrv_open_bh",
			Defines: [3]model.Use{use("bdrv_co_open", model.RoleWrapper), use("BdrvCoOpen", model.RoleStruct), use("bdrv_open_bh", model.RoleBottomHalf)},
		}},
		{"8.2", "no_co_wrapper_bdrv_wrlock", "bdrv_co_unref", child, filled{
			Target: "bdrv_unref", StructName: "BdrvCoUnref", Caller: "bdrv_unref_bh", Context: "bdrv_get_aio_context(s->c->bs)",
			LockCall: "bdrv_graph_wrlock(NULL)", UnlockCall: "bdrv_graph_wrunlock(NULL)",
			Defines: [3]model.Use{use("bdrv_co_unref", model.RoleWrapper), use("BdrvCoUnref", model.RoleStruct), use("bdrv_unref_bh", model.RoleBottomHalf)},
		}},
		{"9.0", "no_co_wrapper_bdrv_rdlock", "bdrv_co_x_y", blk, filled{
			Target: "bdrv_x_y", StructName: "BdrvCoXY", Caller: "bdrv_x_y_bh",
			LockCall: "bdrv_graph_rdlock_main_loop()", UnlockCall: "bdrv_graph_rdunlock_main_loop()",
			Defines: [3]model.Use{use("bdrv_co_x_y", model.RoleWrapper), use("BdrvCoXY", model.RoleStruct), use("bdrv_x_y_bh", model.RoleBottomHalf)},
		}},
		{"9.0", "co_wrapper", "blk_x", blk, filled{
			Target: "blk_co_x", StructName: "BlkX", Caller: "blk_co_x_entry", Context: "qemu_get_current_aio_context()",
			Defines: [3]model.Use{use("blk_x", model.RoleWrapper), use("BlkX", model.RoleStruct), use("blk_co_x_entry", model.RoleEntry)},
		}},
	} {
		d, err := dialect.ForVersion(tc.release)
		if err != nil {
			t.Fatal(err)
		}
		m, _ := model.LookupMarker(tc.marker)
		w := &model.Wrapper{Marker: m, ReturnType: "int", Name: tc.name, Params: []model.Param{tc.first}}
		names.Fill(d, w)
		got := filled{w.Target, w.StructName, w.Caller, w.Context, w.LockCall, w.UnlockCall, w.AssumeLock, w.Defines}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s %s %s: (-want +got)\n%s", tc.release, tc.marker, tc.name, diff)
		}
	}
}

// TestQEMU pins a few of QEMU's names per release, with the role a
// definition of them would clash with.
func TestQEMU(t *testing.T) {
	for _, tc := range []struct {
		release, name string
		role          model.Role
		ok            bool
	}{
		{"5.2", "bdrv_poll_co", model.RoleFunction, true},
		{"5.2", "aio_co_wake", 0, false}, // no no_co wrappers yet
		{"6.2", "blk_bs", model.RoleFunction, true},
		{"8.1", "aio_context_acquire", model.RoleFunction, true},
		{"8.2", "bdrv_graph_rdlock_main_loop", model.RoleFunction, true},
		{"8.2", "NULL", model.RoleMacro, true},
		{"9.0", "NULL", 0, false},
		{"9.0", "assert", model.RoleCallMacro, true},
		{"9.0", "BdrvPollCo", model.RoleType, true},
		{"9.0", "coroutine_fn", model.RoleMacro, true},
	} {
		d, _ := dialect.ForVersion(tc.release)
		role, ok := names.QEMU(d)[tc.name]
		if ok != tc.ok || role != tc.role {
			t.Errorf("%s: QEMU()[%s] = %v, %v; want %v, %v", tc.release, tc.name, role, ok, tc.role, tc.ok)
		}
	}
}

// TestQEMUNamesPreTest holds QEMUNames to QEMU for every dialect: each of
// QEMU(d)'s names passes the pre-test and is found with its role, and
// names of the generated code that are not QEMU's are not.
func TestQEMUNamesPreTest(t *testing.T) {
	for _, d := range dialect.All {
		q := names.NewQEMUNames(d)
		for name, want := range names.QEMU(d) {
			if got, ok := q.Lookup(name); !ok || got != want {
				t.Errorf("%s: Lookup(%s) = %v, %v; want %v, true", d.Name, name, got, ok, want)
			}
		}
		for _, name := range []string{"bdrv_x", "BdrvX", "bdrv_co_x_entry", "s", "opaque", "poll_state", "bs"} {
			if role, ok := q.Lookup(name); ok {
				t.Errorf("%s: Lookup(%s) = %v, true; it is none of QEMU's", d.Name, name, role)
			}
		}
	}
	d, _ := dialect.ForVersion("5.2")
	if role, ok := names.NewQEMUNames(d).Lookup("aio_co_wake"); ok {
		t.Errorf("5.2: Lookup(aio_co_wake) = %v, true; 5.2 had no no_co wrappers", role)
	}
}

func TestTarget(t *testing.T) {
	for _, tc := range []struct {
		kind       model.Kind
		name, want string
	}{
		{model.Co, "bdrv_pread", "bdrv_co_pread"},
		{model.Co, "blk_pwrite_zeroes", "blk_co_pwrite_zeroes"},
		{model.NoCo, "bdrv_co_open", "bdrv_open"},
		{model.NoCo, "bdrv_co_co_x", "bdrv_co_x"},
	} {
		if got := names.Target(tc.kind, tc.name); got != tc.want {
			t.Errorf("Target(%v, %s) = %s, want %s", tc.kind, tc.name, got, tc.want)
		}
	}
}
