package org.example.jkeepalived.redis;

/**
 * One reply of a Redis server in RESP2, the protocol every Redis speaks: a simple string
 * ({@code +PONG}), an error ({@code -WRONGPASS ...}), an integer ({@code :1}) or a bulk string
 * ({@code $5 hello}, or nil). A check sends no command that answers with an array.
 */
sealed interface RespReply {

    /** {@code +text}: a status such as {@code OK} or {@code PONG}. */
    record SimpleString(String text) implements RespReply {
    }

    /** {@code -text}: the command failed; the first word is the error's kind, as {@code WRONGPASS}. */
    record Error(String text) implements RespReply {
    }

    /** {@code :value}. */
    record IntegerReply(long value) implements RespReply {
    }

    /** {@code $length} and that many bytes; {@code text} is {@code null} for the nil bulk string {@code $-1}. */
    record BulkString(String text) implements RespReply {
    }
}
