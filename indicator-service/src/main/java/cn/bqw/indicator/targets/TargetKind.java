package cn.bqw.indicator.targets;

/** 约束性 (binding) or 预期性 (expected); binding targets weigh double in a scorecard. */
public enum TargetKind {
    BINDING,
    EXPECTED
}
