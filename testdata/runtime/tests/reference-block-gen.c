/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A reference block-gen.c (testdata/reference/qemu-X.Y/block-gen.c.after-banner,
 * found through the include path each reference program has), compiled as
 * C.  meson.build compiles the reference outputs through this file rather
 * than copying each to a name ending in .c, which would add a build step
 * per dialect.
 */
#include "block-gen.c.after-banner"
