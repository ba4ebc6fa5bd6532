package org.hotline.desktop;

import java.time.Duration;
import java.util.List;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the agent desktop's web endpoints ({@code hotline.desktop.*}, env {@code HOTLINE_DESKTOP_*}).
 *
 * @param sendTimeLimit how long one WebSocket send may block before the session is closed as too slow (default 5s)
 * @param sendBufferLimit bytes queued for one slow browser before it is disconnected (default 1 MiB)
 * @param allowedOrigins extra origins allowed to open the WebSocket; empty means same origin only (default empty)
 * @param maxBodySize the largest request body other than a multipart upload (CSV imports, JSON) the server reads;
 *                    larger ones get 413 before any of it is read (default 32MB)
 */
@ConfigurationProperties("hotline.desktop")
public record DesktopProperties(@DefaultValue("5s") Duration sendTimeLimit,
                                @DefaultValue("1048576") int sendBufferLimit,
                                @DefaultValue List<String> allowedOrigins,
                                @DefaultValue("32MB") DataSize maxBodySize) {
}
