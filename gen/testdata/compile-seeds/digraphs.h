/* Digraphs: <: :> <% %> %: are the tokens [ ] { } #. */
%:ifndef SEED_DIGRAPHS_H
%:define SEED_DIGRAPHS_H

static inline int seed_digraph_body(int x)
<%
    return x;
%>

int co_wrapper bdrv_seed_digraph(BlockDriverState *bs, uint8_t id<:16:>);
int co_wrapper bdrv_seed_digraph_matrix(BlockDriverState *bs,
                                        int m<:2:><:3:>, int v<:static 4:>);
%:if 0
int co_wrapper bdrv_seed_dead(BlockDriverState *bs);
%:endif

%:endif
