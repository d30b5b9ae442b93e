/*
 * rustlens's own entry points into tree-sitter, built into the same library.
 *
 * Java passes a TSNode by value through the FFM linker as a struct, which it reads field by field
 * from a memory segment with bounds, alignment and liveness checks; a node returned by value
 * needs a segment allocator too. On C1-compiled code (a one-shot scan) that machinery cost ten
 * times the tree-sitter call behind it. Here a node travels as plain integers: its context packed
 * in two 64-bit words, its id and its tree. A node handed back is written as an RlNode, which
 * also carries what Java asks of every node (end byte, symbol, flags), so those need no call.
 * Query matches are collected in batches into one buffer that Java copies out at once.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tree_sitter/api.h"
/*
 * tree-sitter's internal headers, for the walks over subtrees (below). The core's sources are
 * pinned with their integrity hash in package-lock.json and built into this same library;
 * NativeWalkTest checks the children walk against tree-sitter's public API, RootedQueryTest the
 * rooted query against a query run over the whole tree. docs/native.md lists what is read here
 * and how to upgrade the core.
 */
#include "language.h"
#include "length.h"
#include "subtree.h"
#include "tree.h"

/* A node as Java reads it: four 64-bit words. */
typedef struct {
  uint64_t context01;   /* context[0] | context[1] << 32; context[0] is the start byte */
  uint64_t context23;   /* context[2] | context[3] << 32 */
  uint64_t id;          /* 0 for the null node */
  uint32_t end_byte;
  uint32_t info;        /* symbol | named << 16 | missing << 17 | has_error << 18 */
} RlNode;

/* A growable array of 64-bit words, owned by C; Java reads data and length after each fill. */
typedef struct {
  uint64_t *data;
  uint32_t length;
  uint32_t capacity;
} RlBuffer;

#define RL_NAMED (1u << 16)
#define RL_MISSING (1u << 17)
#define RL_HAS_ERROR (1u << 18)
/* What rl_next_matches returns when memory ran out. */
#define RL_NO_MEMORY UINT32_MAX

static TSNode rl_node(uint64_t context01, uint64_t context23, uint64_t id, const TSTree *tree) {
  TSNode node;
  node.context[0] = (uint32_t) context01;
  node.context[1] = (uint32_t) (context01 >> 32);
  node.context[2] = (uint32_t) context23;
  node.context[3] = (uint32_t) (context23 >> 32);
  node.id = (const void *) (uintptr_t) id;
  node.tree = tree;
  return node;
}

/* Writes a node; the null node is written with id 0 and nothing else read from it. */
static void rl_put(RlNode *out, TSNode node) {
  out->context01 = (uint64_t) node.context[0] | (uint64_t) node.context[1] << 32;
  out->context23 = (uint64_t) node.context[2] | (uint64_t) node.context[3] << 32;
  out->id = (uint64_t) (uintptr_t) node.id;
  if (ts_node_is_null(node)) {
    out->end_byte = 0;
    out->info = 0;
    return;
  }
  out->end_byte = ts_node_end_byte(node);
  out->info = (uint32_t) ts_node_symbol(node)
      | (ts_node_is_named(node) ? RL_NAMED : 0)
      | (ts_node_is_missing(node) ? RL_MISSING : 0)
      | (ts_node_has_error(node) ? RL_HAS_ERROR : 0);
}

static int rl_reserve(RlBuffer *buffer, uint64_t words) {
  if (words <= buffer->capacity) {
    return 1;
  }
  if (words > UINT32_MAX / 2) {
    return 0;
  }
  uint32_t capacity = buffer->capacity < 1024 ? 1024 : buffer->capacity;
  while (capacity < words) {
    capacity *= 2;
  }
  uint64_t *data = realloc(buffer->data, (size_t) capacity * sizeof(uint64_t));
  if (data == NULL) {
    return 0;
  }
  buffer->data = data;
  buffer->capacity = capacity;
  return 1;
}

RlBuffer *rl_buffer_new(void) {
  return calloc(1, sizeof(RlBuffer));
}

void rl_buffer_delete(RlBuffer *buffer) {
  if (buffer != NULL) {
    free(buffer->data);
    free(buffer);
  }
}

void rl_root_node(const TSTree *tree, RlNode *out) {
  rl_put(out, ts_tree_root_node(tree));
}

void rl_parent(uint64_t c01, uint64_t c23, uint64_t id, const TSTree *tree, RlNode *out) {
  rl_put(out, ts_node_parent(rl_node(c01, c23, id, tree)));
}

void rl_next_named_sibling(uint64_t c01, uint64_t c23, uint64_t id, const TSTree *tree, RlNode *out) {
  rl_put(out, ts_node_next_named_sibling(rl_node(c01, c23, id, tree)));
}

void rl_child(uint64_t c01, uint64_t c23, uint64_t id, const TSTree *tree, uint32_t index, RlNode *out) {
  rl_put(out, ts_node_child(rl_node(c01, c23, id, tree), index));
}

void rl_child_by_field_id(uint64_t c01, uint64_t c23, uint64_t id, const TSTree *tree, uint16_t field, RlNode *out) {
  rl_put(out, ts_node_child_by_field_id(rl_node(c01, c23, id, tree), field));
}

void rl_descendant_for_byte_range(uint64_t c01, uint64_t c23, uint64_t id, const TSTree *tree,
                                  uint32_t start, uint32_t end, RlNode *out) {
  rl_put(out, ts_node_descendant_for_byte_range(rl_node(c01, c23, id, tree), start, end));
}

uint32_t rl_child_count(uint64_t c01, uint64_t c23, uint64_t id, const TSTree *tree, bool named) {
  TSNode node = rl_node(c01, c23, id, tree);
  return named ? ts_node_named_child_count(node) : ts_node_child_count(node);
}


void rl_query_exec(TSQueryCursor *cursor, const TSQuery *query, uint64_t c01, uint64_t c23, uint64_t id,
                   const TSTree *tree, const TSQueryCursorOptions *options) {
  TSNode node = rl_node(c01, c23, id, tree);
  if (options == NULL) {
    ts_query_cursor_exec(cursor, query, node);
  } else {
    ts_query_cursor_exec_with_options(cursor, query, node, options);
  }
}

/* Appends one match to the buffer at *length; 0 when memory ran out. */
static int rl_write_match(RlBuffer *buffer, uint64_t *length, const TSQueryMatch *match) {
  if (!rl_reserve(buffer, *length + 1 + 5 * (uint64_t) match->capture_count)) {
    return 0;
  }
  uint64_t *word = buffer->data + *length;
  *word++ = (uint64_t) match->pattern_index | (uint64_t) match->capture_count << 32;
  for (uint16_t i = 0; i < match->capture_count; i++) {
    *word++ = match->captures[i].index;
    rl_put((RlNode *) word, match->captures[i].node);
    word += 4;
  }
  *length = (uint64_t) (word - buffer->data);
  buffer->length = (uint32_t) *length;
  return 1;
}

/*
 * Replaces the buffer's content with up to max_matches next matches of the cursor and returns
 * how many it wrote; fewer than max_matches means the cursor has no more. Each match is one word
 * (pattern index | capture count << 32), then per capture one word with the capture's index and
 * the four words of its RlNode.
 */
uint32_t rl_next_matches(TSQueryCursor *cursor, RlBuffer *buffer, uint32_t max_matches) {
  TSQueryMatch match;
  uint32_t written = 0;
  uint64_t length = 0;
  buffer->length = 0;
  while (written < max_matches && ts_query_cursor_next_match(cursor, &match)) {
    if (!rl_write_match(buffer, &length, &match)) {
      return RL_NO_MEMORY;
    }
    written++;
  }
  return written;
}

/*
 * Walks read the subtrees directly and see the visible nodes a TSTreeCursor sees, in its order
 * (hidden nodes are walked through, aliases apply by structural child index, extras take none):
 * a tree cursor also keeps descendant indexes, steps into each child twice and makes a node of
 * each; walking the corpus took it 0.94 s against 0.37 s. A frame is one subtree being walked.
 */
typedef struct {
  Subtree parent;
  const TSSymbol *aliases;   /* the parent's production's alias sequence, or NULL */
  uint32_t child_index;
  uint32_t structural_index;
  Length position;           /* where the next child starts */
} RlWalkFrame;

/* A frame for walking a subtree's children, which start where the subtree does. */
static RlWalkFrame rl_frame(const TSLanguage *language, Subtree subtree, Length start) {
  return (RlWalkFrame) {
    .parent = subtree,
    .aliases = ts_language_alias_sequence(language, subtree.ptr->production_id),
    .child_index = 0,
    .structural_index = 0,
    .position = start,
  };
}

/*
 * The frame's next child with its alias (0 for none) and start, or NULL after the last. Visible
 * children are those tree-sitter shows as nodes: visible subtrees, and any aliased child.
 */
static const Subtree *rl_next_child(RlWalkFrame *frame, TSSymbol *alias, Length *start) {
  uint32_t count = frame->parent.ptr->child_count;
  if (frame->child_index == count) {
    return NULL;
  }
  const Subtree *child = &ts_subtree_children(frame->parent)[frame->child_index];
  *start = frame->position;
  *alias = 0;
  if (!ts_subtree_extra(*child)) {
    if (frame->aliases != NULL) {
      *alias = frame->aliases[frame->structural_index];
    }
    frame->structural_index++;
  }
  frame->position = length_add(frame->position, ts_subtree_size(*child));
  frame->child_index++;
  if (frame->child_index < count) {
    frame->position = length_add(frame->position,
                                 ts_subtree_padding(ts_subtree_children(frame->parent)[frame->child_index]));
  }
  return child;
}

/*
 * The frames of a walk: the first RL_LOCAL_FRAMES in the struct itself, more on the heap. A
 * long list of items nests its hidden repetition nodes up to 17 deep in the corpus, so both
 * kinds of storage are used.
 */
#define RL_LOCAL_FRAMES 8

typedef struct {
  RlWalkFrame *frames;
  uint32_t depth;
  uint32_t capacity;
  RlWalkFrame local[RL_LOCAL_FRAMES];
} RlWalkStack;

static void rl_stack_init(RlWalkStack *stack) {
  stack->frames = stack->local;
  stack->depth = 0;
  stack->capacity = RL_LOCAL_FRAMES;
}

/* Pushes a frame; false when memory ran out. */
static bool rl_stack_push(RlWalkStack *stack, RlWalkFrame frame) {
  if (stack->depth == stack->capacity) {
    size_t bytes = 2 * (size_t) stack->capacity * sizeof(RlWalkFrame);
    RlWalkFrame *grown = stack->frames == stack->local ? malloc(bytes) : realloc(stack->frames, bytes);
    if (grown == NULL) {
      return false;
    }
    if (stack->frames == stack->local) {
      memcpy(grown, stack->local, sizeof(stack->local));
    }
    stack->frames = grown;
    stack->capacity *= 2;
  }
  stack->frames[stack->depth++] = frame;
  return true;
}

static void rl_stack_free(RlWalkStack *stack) {
  if (stack->frames != stack->local) {
    free(stack->frames);
  }
}

/*
 * Writes the node's children (only the named ones when asked) to out, at most capacity of them,
 * and returns how many there are, or RL_NO_MEMORY. ts_node_child(i) starts again from the first
 * child each time; this walks through the hidden children once, twice as fast as a tree cursor.
 */
uint32_t rl_children(uint64_t c01, uint64_t c23, uint64_t id, const TSTree *tree, bool named, RlNode *out,
                     uint32_t capacity) {
  TSNode node = rl_node(c01, c23, id, tree);
  Subtree subtree = *(const Subtree *) node.id;
  if (ts_subtree_child_count(subtree) == 0) {
    return 0;
  }
  RlWalkStack stack;
  rl_stack_init(&stack);
  rl_stack_push(&stack, rl_frame(tree->language, subtree, (Length) {node.context[0], {node.context[1], node.context[2]}}));
  uint32_t count = 0;
  while (stack.depth > 0) {
    TSSymbol alias;
    Length start;
    const Subtree *child = rl_next_child(&stack.frames[stack.depth - 1], &alias, &start);
    if (child == NULL) {
      stack.depth--;
    } else if (ts_subtree_visible(*child) || alias != 0) {
      TSNode visible = ts_node_new(tree, child, start, alias);
      if (!named || ts_node_is_named(visible)) {
        if (count < capacity) {
          rl_put(&out[count], visible);
        }
        count++;
      }
    } else if (ts_subtree_child_count(*child) > 0 && ts_subtree_visible_child_count(*child) > 0
               && !rl_stack_push(&stack, rl_frame(tree->language, *child, start))) {
      count = RL_NO_MEMORY;
      break;
    }
  }
  rl_stack_free(&stack);
  return count;
}

/*
 * A query run only at the nodes where one of its patterns can start. tree-sitter's query cursor
 * does costly work at every node it visits (its parent, field and sibling status, range tests),
 * about twice what a tree cursor's step costs, and most nodes start no pattern. Here the tree is
 * walked in C, and the query cursor runs at each node whose symbol is the root of a pattern,
 * with matches allowed to start at that node only (max start depth 0): it descends only as far
 * as that node's patterns reach. The matches are the same as one run over the whole tree; they
 * come grouped by the node they start at, in the walk's order.
 */
typedef struct {
  TSQueryCursor *cursor;
  const TSQuery *query;
  const uint8_t *roots;   /* one bit per symbol (by ts_node_symbol) that starts a pattern */
  const TSTree *tree;
  RlWalkStack stack;
  bool done;
  bool out_of_memory;
} RlRootedRun;

static bool rl_is_root(const uint8_t *roots, TSSymbol symbol) {
  return (roots[symbol >> 3] >> (symbol & 7)) & 1;
}

/* Starts walking a subtree's children from its start; false (and the run is over) when memory ran out. */
static bool rl_walk_push(RlRootedRun *run, Subtree subtree, Length start) {
  if (!rl_stack_push(&run->stack, rl_frame(run->tree->language, subtree, start))) {
    run->out_of_memory = true;
    run->done = true;
    return false;
  }
  return true;
}

/* Walks on to the next node where a pattern can start and runs the query there. */
static void rl_rooted_advance(RlRootedRun *run) {
  const TSLanguage *language = run->tree->language;
  while (run->stack.depth > 0) {
    TSSymbol alias;
    Length start;
    const Subtree *child = rl_next_child(&run->stack.frames[run->stack.depth - 1], &alias, &start);
    if (child == NULL) {
      run->stack.depth--;
      continue;
    }
    bool visible = ts_subtree_visible(*child) || alias != 0;
    bool root = visible
        && rl_is_root(run->roots, ts_language_public_symbol(language, alias != 0 ? alias : ts_subtree_symbol(*child)));
    /* Pre-order: the child's own children come next. */
    if (ts_subtree_child_count(*child) > 0 && (visible || ts_subtree_visible_child_count(*child) > 0)
        && !rl_walk_push(run, *child, start)) {
      return;
    }
    if (root) {
      ts_query_cursor_exec(run->cursor, run->query, ts_node_new(run->tree, child, start, alias));
      return;
    }
  }
  run->done = true;
}

/* Starts a rooted run of the query over the node; NULL when memory ran out. */
RlRootedRun *rl_rooted_exec(TSQueryCursor *cursor, const TSQuery *query, const uint8_t *roots,
                            uint64_t c01, uint64_t c23, uint64_t id, const TSTree *tree) {
  RlRootedRun *run = calloc(1, sizeof(RlRootedRun));
  if (run == NULL) {
    return NULL;
  }
  rl_stack_init(&run->stack);
  run->cursor = cursor;
  run->query = query;
  run->roots = roots;
  run->tree = tree;
  ts_query_cursor_set_max_start_depth(cursor, 0);
  TSNode node = rl_node(c01, c23, id, tree);
  Subtree subtree = *(const Subtree *) node.id;
  Length start = {node.context[0], {node.context[1], node.context[2]}};
  if (ts_subtree_child_count(subtree) > 0) {
    rl_walk_push(run, subtree, start);
  }
  if (rl_is_root(roots, ts_node_symbol(node))) {
    ts_query_cursor_exec(cursor, query, node);
  } else {
    rl_rooted_advance(run);
  }
  return run;
}

/* As rl_next_matches, for a rooted run. */
uint32_t rl_rooted_next_matches(RlRootedRun *run, RlBuffer *buffer, uint32_t max_matches) {
  TSQueryMatch match;
  uint32_t written = 0;
  uint64_t length = 0;
  buffer->length = 0;
  while (written < max_matches && !run->done) {
    if (!ts_query_cursor_next_match(run->cursor, &match)) {
      rl_rooted_advance(run);
      continue;
    }
    if (!rl_write_match(buffer, &length, &match)) {
      return RL_NO_MEMORY;
    }
    written++;
  }
  return run->out_of_memory ? RL_NO_MEMORY : written;
}

void rl_rooted_delete(RlRootedRun *run) {
  if (run != NULL) {
    rl_stack_free(&run->stack);
    free(run);
  }
}
