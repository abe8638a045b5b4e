package cn.bqw.indicator.approval;

import jakarta.ws.rs.PathParam;

/** The unit a path names: {@code /approvals/{region}/{period}/{campaign}}. */
public record ApprovalUnitPath(
        @PathParam("region") String region,
        @PathParam("period") String period,
        @PathParam("campaign") String campaign) {}
