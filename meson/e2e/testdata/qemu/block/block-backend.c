/*
 * A source file of the block layer that declares no wrapper: editing it
 * must not re-run the generator (QEMU's block/meson.build names
 * block/coroutines.h instead of scanning block/).
 */
int qemu_block_backend_edits(void);

int qemu_block_backend_edits(void)
{
    return 0;
}
