package cn.bqw.launcher.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Plausible, fictional Chinese place names, drawn from a seeded random source and unique where they must be. */
final class Names {

    private static final List<String> FIRST = List.of(
            "东", "青", "白", "石", "龙", "凤", "清", "云", "金", "银", "梅", "桂", "松", "柏", "平", "安", "长", "新", "南", "北", "西",
            "黄", "红", "翠", "丰", "和", "兴", "永", "福", "寿", "莲", "竹", "洪", "宁", "乐", "泰");
    private static final List<String> SECOND = List.of(
            "岭", "川", "沙", "门", "江", "溪", "山", "河", "湖", "林", "源", "田", "塘", "阳", "城", "坪", "浦", "湾", "岗", "陂", "口",
            "洲", "冈", "埔", "坑", "滘");
    private static final List<String> SURNAMES = List.of(
            "张", "王", "李", "陈", "黄", "林", "刘", "何", "罗", "梁", "郑", "谢", "吴", "杨", "周", "邓", "叶", "冯", "曾", "彭", "蔡",
            "邱", "潘", "钟", "卢", "余", "赖", "严", "郭", "曹", "温", "莫", "麦", "关", "骆", "古");
    private static final List<String> PLACES =
            List.of("家", "屋", "围", "塘", "坪", "寨", "岗", "洞", "背", "岭", "湾", "田", "坑", "庄", "堡", "垌", "边", "厝");
    private static final List<String> NATURE = List.of(
            "青石", "白水", "大岭", "新塘", "上围", "下坪", "高田", "长岗", "石桥", "竹林", "荷塘", "沙坝", "凤岗", "龙潭", "水口", "横岭", "梅花", "桂花",
            "松柏", "良田", "新村", "旧寨", "大坑", "小洲", "黄泥", "红岭", "元岗", "禾坪");

    private final SplittableRandom random;
    private final Set<String> divisionNames = new HashSet<>();

    Names(SplittableRandom random) {
        this.random = random;
    }

    /** A division name unique in the whole city, with its suffix (县, 市, 区, 镇, 乡, 街道). */
    String division(String suffix) {
        for (int attempt = 0; ; attempt++) {
            String stem = pick(FIRST) + pick(SECOND);
            String name = attempt < 50 ? stem + suffix : stem + pick(SECOND) + suffix;
            if (divisionNames.add(name)) {
                return name;
            }
        }
    }

    /** A village name unique within its township ({@code taken}). */
    String village(Set<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String stem = random.nextInt(3) == 0 ? pick(NATURE) : pick(SURNAMES) + pick(PLACES);
            String name = (attempt < 50 ? stem : stem + pick(SECOND)) + "村";
            if (taken.add(name)) {
                return name;
            }
        }
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
