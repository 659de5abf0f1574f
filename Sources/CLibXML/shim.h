#ifndef FEEDD_CLIBXML_SHIM_H
#define FEEDD_CLIBXML_SHIM_H

// Debian builds libxml2 with ICU; its headers would pull <unicode/*.h>, whose types clash with
// the ICU inside Foundation. Nothing in feedd needs libxml2's ICU hooks, so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/uri.h>
#include <libxml/entities.h>
#include <libxml/encoding.h>

// `xmlFree` is a global function pointer: Swift 6 treats it as shared mutable state.
static inline void feedd_xmlFree(void *ptr) { xmlFree(ptr); }

#endif
