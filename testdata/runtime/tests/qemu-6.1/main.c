/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runs the qemu-6.1 reference block-gen.c.
 *
 * The 6.1 dialect: as 5.2, but any SUB_ prefix is accepted (the
 * example and its output are the same as 5.2's).
 *
 * One example per header in ARGS, in that order.
 */
#include "examples/examples.h"

static const BcwDialect dialect = {
    .name = "qemu-6.1",
};

int main(void)
{
    bcw_test_begin(dialect.name);
    example_old_marker(&dialect);
    return bcw_test_end();
}
