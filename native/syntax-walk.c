/*
 * reftrack's syntax walk: parses UTF-16 text with tree-sitter and writes, in one native call, the
 * nodes the normalizer reads, as a flat record array. Through tree-sitter's Node binding the same
 * walk is a native call per node and per cursor step, as costly as the parse itself; here it is a
 * loop in C, and the tree is freed at once instead of when V8 gets round to collecting its wrapper.
 *
 * Record (RECORD_WORDS int32s per node, preorder): symbol, start, end (UTF-16 code units), field id
 * with HAS_CHILDREN set when the node has children (visited or not), and the record index just past
 * the node's subtree. Which nodes are written is decided by the
 * caller's per-symbol action table, so no decision about tokens is made here:
 *   DESCEND (1): written; its children are visited.
 *   LEAF    (2): written; its children are not.
 *   OMIT    (0): neither it nor its subtree is written.
 */
#include <node_api.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#define RECORD_WORDS 5
#define HAS_CHILDREN (1 << 16)
#define ACTION_OMIT 0
#define ACTION_DESCEND 1
#define ACTION_LEAF 2
#define ACTION_TABLE_SIZE 65536

/* Marks the externals made here, so walk() never takes another addon's pointer for a walker. */
static const napi_type_tag WALKER_TAG = {0x7265667472616b31ULL, 0x73796e7461787731ULL};

typedef struct {
  TSParser *parser;
  int32_t *records;
  size_t capacity;  /* in records */
  uint32_t *ancestors;
  size_t ancestor_capacity;
} SyntaxWalker;

#define CHECK(call)                                                          \
  do {                                                                       \
    if ((call) != napi_ok) {                                                 \
      napi_throw_error(env, NULL, "syntax walk: N-API call failed: " #call); \
      return NULL;                                                           \
    }                                                                        \
  } while (0)

static void finalize_walker(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  SyntaxWalker *walker = data;
  ts_parser_delete(walker->parser);
  free(walker->records);
  free(walker->ancestors);
  free(walker);
}

/* Grammar packages export { name, language: External<TSLanguage> }. */
static const TSLanguage *language_of(napi_env env, napi_value grammar) {
  napi_value external = grammar;
  napi_valuetype type;
  if (napi_typeof(env, grammar, &type) != napi_ok) return NULL;
  if (type == napi_object) {
    if (napi_get_named_property(env, grammar, "language", &external) != napi_ok) return NULL;
    if (napi_typeof(env, external, &type) != napi_ok) return NULL;
  }
  if (type != napi_external) return NULL;
  void *language = NULL;
  if (napi_get_value_external(env, external, &language) != napi_ok) return NULL;
  return language;
}

/*
 * The one argument of createWalker and grammarSymbols: a grammar whose ABI this tree-sitter reads.
 * NULL, with an exception pending, otherwise.
 */
static const TSLanguage *grammar_argument(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  const TSLanguage *language = argc == 1 ? language_of(env, argv[0]) : NULL;
  if (language == NULL) {
    napi_throw_type_error(env, NULL, "syntax walk: not a tree-sitter grammar");
    return NULL;
  }
  uint32_t abi = ts_language_abi_version(language);
  if (abi < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION || abi > TREE_SITTER_LANGUAGE_VERSION) {
    napi_throw_error(env, NULL, "syntax walk: grammar ABI version not supported by this tree-sitter");
    return NULL;
  }
  return language;
}

/* createWalker(grammar) → walker */
static napi_value create_walker(napi_env env, napi_callback_info info) {
  const TSLanguage *language = grammar_argument(env, info);
  if (language == NULL) return NULL;
  SyntaxWalker *walker = calloc(1, sizeof *walker);
  if (walker == NULL) {
    napi_throw_error(env, NULL, "syntax walk: out of memory");
    return NULL;
  }
  walker->parser = ts_parser_new();
  if (walker->parser == NULL || !ts_parser_set_language(walker->parser, language)) {
    if (walker->parser != NULL) ts_parser_delete(walker->parser);
    free(walker);
    napi_throw_error(env, NULL, "syntax walk: tree-sitter refused the grammar");
    return NULL;
  }
  napi_value result;
  if (napi_create_external(env, walker, finalize_walker, NULL, &result) != napi_ok) {
    finalize_walker(env, walker, NULL);
    napi_throw_error(env, NULL, "syntax walk: N-API call failed: napi_create_external");
    return NULL;
  }
  CHECK(napi_type_tag_object(env, result, &WALKER_TAG));
  return result;
}

/* grammarSymbols(grammar) → { names: string[], named: boolean[], fields: string[] } (fields[0] is ""). */
static napi_value grammar_symbols(napi_env env, napi_callback_info info) {
  const TSLanguage *language = grammar_argument(env, info);
  if (language == NULL) return NULL;
  uint32_t symbol_count = ts_language_symbol_count(language);
  napi_value names, named, fields, result;
  CHECK(napi_create_array_with_length(env, symbol_count, &names));
  CHECK(napi_create_array_with_length(env, symbol_count, &named));
  for (uint32_t symbol = 0; symbol < symbol_count; symbol++) {
    const char *name = ts_language_symbol_name(language, (TSSymbol)symbol);
    napi_value name_value, named_value;
    CHECK(napi_create_string_utf8(env, name == NULL ? "" : name, NAPI_AUTO_LENGTH, &name_value));
    CHECK(napi_get_boolean(env, ts_language_symbol_type(language, (TSSymbol)symbol) == TSSymbolTypeRegular, &named_value));
    CHECK(napi_set_element(env, names, symbol, name_value));
    CHECK(napi_set_element(env, named, symbol, named_value));
  }
  uint32_t field_count = ts_language_field_count(language);
  CHECK(napi_create_array_with_length(env, field_count + 1, &fields));
  for (uint32_t field = 0; field <= field_count; field++) {
    const char *name = field == 0 ? "" : ts_language_field_name_for_id(language, (TSFieldId)field);
    napi_value name_value;
    CHECK(napi_create_string_utf8(env, name == NULL ? "" : name, NAPI_AUTO_LENGTH, &name_value));
    CHECK(napi_set_element(env, fields, field, name_value));
  }
  CHECK(napi_create_object(env, &result));
  CHECK(napi_set_named_property(env, result, "names", names));
  CHECK(napi_set_named_property(env, result, "named", named));
  CHECK(napi_set_named_property(env, result, "fields", fields));
  return result;
}

static int reserve_records(SyntaxWalker *walker, size_t needed) {
  if (needed <= walker->capacity) return 1;
  size_t capacity = walker->capacity == 0 ? 4096 : walker->capacity;
  while (capacity < needed) capacity *= 2;
  int32_t *grown = realloc(walker->records, capacity * RECORD_WORDS * sizeof(int32_t));
  if (grown == NULL) return 0;
  walker->records = grown;
  walker->capacity = capacity;
  return 1;
}

static int push_ancestor(SyntaxWalker *walker, size_t depth, uint32_t record) {
  if (depth >= walker->ancestor_capacity) {
    size_t capacity = walker->ancestor_capacity == 0 ? 256 : walker->ancestor_capacity * 2;
    uint32_t *grown = realloc(walker->ancestors, capacity * sizeof(uint32_t));
    if (grown == NULL) return 0;
    walker->ancestors = grown;
    walker->ancestor_capacity = capacity;
  }
  walker->ancestors[depth] = record;
  return 1;
}

/*
 * walk(walker, text, actions: Uint8Array(65536)) → { records: Int32Array, count, hasError }
 * `records` is a fresh copy of exactly `count` records.
 */
static napi_value walk(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc != 3) {
    napi_throw_type_error(env, NULL, "syntax walk: walk(walker, text, actions)");
    return NULL;
  }
  SyntaxWalker *walker = NULL;
  bool is_walker = false;
  if (napi_check_object_type_tag(env, argv[0], &WALKER_TAG, &is_walker) != napi_ok || !is_walker ||
      napi_get_value_external(env, argv[0], (void **)&walker) != napi_ok || walker == NULL) {
    napi_throw_type_error(env, NULL, "syntax walk: not a walker");
    return NULL;
  }
  napi_typedarray_type array_type;
  size_t action_count = 0;
  void *action_data = NULL;
  if (napi_get_typedarray_info(env, argv[2], &array_type, &action_count, &action_data, NULL, NULL) != napi_ok ||
      array_type != napi_uint8_array || action_count < ACTION_TABLE_SIZE) {
    napi_throw_type_error(env, NULL, "syntax walk: actions must be a Uint8Array of 65536 entries");
    return NULL;
  }
  const uint8_t *actions = action_data;

  size_t length = 0;
  CHECK(napi_get_value_string_utf16(env, argv[1], NULL, 0, &length));
  char16_t *text = malloc((length + 1) * sizeof(char16_t));
  if (text == NULL) {
    napi_throw_error(env, NULL, "syntax walk: out of memory");
    return NULL;
  }
  size_t copied = 0;
  if (napi_get_value_string_utf16(env, argv[1], text, length + 1, &copied) != napi_ok) {
    free(text);
    napi_throw_error(env, NULL, "syntax walk: N-API call failed: napi_get_value_string_utf16");
    return NULL;
  }
  TSTree *tree = ts_parser_parse_string_encoding(walker->parser, NULL, (const char *)text, (uint32_t)(copied * 2), TSInputEncodingUTF16LE);
  free(text);
  if (tree == NULL) {
    napi_throw_error(env, NULL, "syntax walk: tree-sitter returned no tree");
    return NULL;
  }

  TSNode root = ts_tree_root_node(tree);
  bool has_error = ts_node_has_error(root);
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  size_t count = 0;
  size_t depth = 0;
  int ok = 1;
  bool descend = true;
  for (;;) {
    if (descend) {
      TSNode node = ts_tree_cursor_current_node(&cursor);
      TSSymbol symbol = ts_node_symbol(node);
      uint8_t action = actions[symbol];
      if (action != ACTION_OMIT) {
        if (!reserve_records(walker, count + 1)) {
          ok = 0;
          break;
        }
        int32_t *record = walker->records + count * RECORD_WORDS;
        record[0] = symbol;
        record[1] = (int32_t)(ts_node_start_byte(node) / 2);
        record[2] = (int32_t)(ts_node_end_byte(node) / 2);
        record[3] = ts_tree_cursor_current_field_id(&cursor) | (ts_node_child_count(node) > 0 ? HAS_CHILDREN : 0);
        record[4] = (int32_t)(count + 1);
        count++;
        if (action == ACTION_DESCEND && ts_tree_cursor_goto_first_child(&cursor)) {
          if (!push_ancestor(walker, depth, (uint32_t)(count - 1))) {
            ok = 0;
            break;
          }
          depth++;
          continue;
        }
      }
    }
    if (ts_tree_cursor_goto_next_sibling(&cursor)) {
      descend = true;
      continue;
    }
    if (!ts_tree_cursor_goto_parent(&cursor)) break;
    depth--;
    walker->records[walker->ancestors[depth] * RECORD_WORDS + 4] = (int32_t)count;
    descend = false;
  }
  ts_tree_cursor_delete(&cursor);
  ts_tree_delete(tree);
  if (!ok) {
    napi_throw_error(env, NULL, "syntax walk: out of memory");
    return NULL;
  }

  napi_value buffer, records, count_value, error_value, result;
  void *buffer_data = NULL;
  CHECK(napi_create_arraybuffer(env, count * RECORD_WORDS * sizeof(int32_t), &buffer_data, &buffer));
  if (count > 0) memcpy(buffer_data, walker->records, count * RECORD_WORDS * sizeof(int32_t));
  CHECK(napi_create_typedarray(env, napi_int32_array, count * RECORD_WORDS, buffer, 0, &records));
  CHECK(napi_create_uint32(env, (uint32_t)count, &count_value));
  CHECK(napi_get_boolean(env, has_error, &error_value));
  CHECK(napi_create_object(env, &result));
  CHECK(napi_set_named_property(env, result, "records", records));
  CHECK(napi_set_named_property(env, result, "count", count_value));
  CHECK(napi_set_named_property(env, result, "hasError", error_value));
  return result;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor properties[] = {
      {"createWalker", NULL, create_walker, NULL, NULL, NULL, napi_default, NULL},
      {"grammarSymbols", NULL, grammar_symbols, NULL, NULL, NULL, napi_default, NULL},
      {"walk", NULL, walk, NULL, NULL, NULL, napi_default, NULL},
  };
  if (napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties) != napi_ok) return NULL;
  return exports;
}
