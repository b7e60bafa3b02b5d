package org.jkeepalived.checker.http.internal;

/** What fetching a page gave: the {@link Page}, or why there is none. */
sealed interface FetchResult permits Page, FetchFailure {
}
