# tests/fuzz/fuzz.mk: libFuzzer targets for the parsers, included by the
# Makefile. `make fuzz` builds the model library with clang, libFuzzer, ASan
# and UBSan in build/fuzz/ (a build of its own, which `make clean` removes)
# and runs each target for FUZZ_SECONDS on its corpus in
# tests/fuzz/corpus/NAME/; new inputs that add coverage and are at most
# FUZZ_MERGE_MAX bytes are merged into that corpus (FUZZ_MERGE=0: not). A
# crash fails the run and leaves its input in build/fuzz/crashes/.

FUZZ_BUILD     ?= build/fuzz
FUZZ_CC        ?= clang
FUZZ_SECONDS   ?= 20
FUZZ_MERGE     ?= 1
FUZZ_MERGE_MAX ?= 2048
FUZZ_NAMES     := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN       := $(FUZZ_NAMES:%=$(FUZZ_BUILD)/fuzz_%)
FUZZ_SAN       := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined

.PHONY: fuzz fuzz-build
fuzz: fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_MERGE=$(FUZZ_MERGE) FUZZ_MERGE_MAX=$(FUZZ_MERGE_MAX) \
	  tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_NAMES)

# The targets are built by a make of their own with BUILD=$(FUZZ_BUILD), so
# the library's objects are compiled with clang and the sanitizers there.
fuzz-build: deps
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) \
	  OPT="-O1 -g -fno-omit-frame-pointer" SAN="$(FUZZ_SAN)" $(FUZZ_BIN)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(LIB) | deps
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -fsanitize=fuzzer $< $(LIB) $(MODEL_LIBS) -o $@
