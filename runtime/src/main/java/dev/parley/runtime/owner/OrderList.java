package dev.parley.runtime.owner;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"orders": [...]}}, newest first. */
@Schema(name = "Orders")
public record OrderList(List<OrderView> orders) {
}
