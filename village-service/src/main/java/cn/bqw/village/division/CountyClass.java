package cn.bqw.village.division;

/** 创先 / 进位 / 消薄: the class a county is ranked within (DESIGN.md §2). */
public enum CountyClass {
    LEAD,
    ADVANCE,
    STRENGTHEN
}
