// Typed wrappers for libcurl's variadic setopt/getinfo calls, which Swift cannot import.
#ifndef CIVICWATCH_CCURL_SHIM_H
#define CIVICWATCH_CCURL_SHIM_H
#include <curl/curl.h>
#include <sys/epoll.h>  // SocketEvents drives the multi handle with epoll

typedef size_t (*cw_curl_data_cb)(char *, size_t, size_t, void *);
typedef int (*cw_curl_xferinfo_cb)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t);

static inline CURLcode cw_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cw_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cw_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cw_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cw_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cw_easy_setopt_data_cb(CURL *h, CURLoption o, cw_curl_data_cb v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cw_easy_setopt_xferinfo_cb(CURL *h, CURLoption o, cw_curl_xferinfo_cb v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cw_easy_setopt_mime(CURL *h, CURLoption o, curl_mime *v) { return curl_easy_setopt(h, o, v); }

static inline CURLcode cw_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode cw_easy_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode cw_easy_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode cw_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode cw_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl_easy_getinfo(h, i, v); }

static inline CURLMcode cw_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

// The socket interface of the multi handle (CURLMOPT_SOCKETFUNCTION / TIMERFUNCTION), driven by epoll.
typedef int (*cw_curl_socket_cb)(CURL *, curl_socket_t, int, void *, void *);
typedef int (*cw_curl_multi_timer_cb)(CURLM *, long, void *);
static inline CURLMcode cw_multi_setopt_socket_cb(CURLM *m, cw_curl_socket_cb f) { return curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, f); }
static inline CURLMcode cw_multi_setopt_timer_cb(CURLM *m, cw_curl_multi_timer_cb f) { return curl_multi_setopt(m, CURLMOPT_TIMERFUNCTION, f); }
static inline CURLMcode cw_multi_setopt_pointer(CURLM *m, CURLMoption o, void *v) { return curl_multi_setopt(m, o, v); }
#endif
