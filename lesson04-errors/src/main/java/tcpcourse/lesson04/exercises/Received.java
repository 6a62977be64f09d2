package tcpcourse.lesson04.exercises;

import tcpcourse.lesson04.ErrorCode;

/**
 * What arrived on a connection before it ended or failed.
 *
 * @param bytes how many bytes arrived
 * @param error why reading stopped, or null if the peer ended the connection normally
 */
public record Received(long bytes, ErrorCode error) {}
