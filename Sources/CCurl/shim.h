#ifndef FEEDD_CCURL_SHIM_H
#define FEEDD_CCURL_SHIM_H

// Distinct opaque types for CURL* and CURLM* in Swift.
#define CURL_STRICTER
#include <curl/curl.h>

// curl_easy_setopt / getinfo / curl_multi_setopt are variadic, which Swift cannot call:
// one typed wrapper per argument kind.
static inline CURLcode feedd_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode feedd_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode feedd_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode feedd_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode feedd_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }

typedef size_t (*feedd_write_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*feedd_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);
static inline CURLcode feedd_easy_setopt_write_callback(CURL *h, CURLoption o, feedd_write_callback cb) { return curl_easy_setopt(h, o, cb); }
static inline CURLcode feedd_easy_setopt_xferinfo_callback(CURL *h, CURLoption o, feedd_xferinfo_callback cb) { return curl_easy_setopt(h, o, cb); }

static inline CURLcode feedd_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode feedd_easy_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode feedd_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode feedd_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode feedd_easy_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }

static inline CURLMcode feedd_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

// CURLMsg.data is a union.
static inline CURLcode feedd_msg_result(const CURLMsg *msg) { return msg->data.result; }

#endif
