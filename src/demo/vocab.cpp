#include "demo/vocab.h"

namespace revarch::demo {
namespace {

constexpr Word kPrefixes[] = {
    {"東", "Higashi"},     {"西", "Nishi"},          {"南", "Minami"},
    {"北", "Kita"},        {"日本", "Nihon"},        {"北斗", "Hokuto"},
    {"大和", "Yamato"},    {"富士", "Fuji"},         {"朝日", "Asahi"},
    {"旭", "Kyokujitsu"},  {"光", "Hikari"},         {"明星", "Myojo"},
    {"青葉", "Aoba"},      {"桜", "Sakura"},         {"若葉", "Wakaba"},
    {"瑞穂", "Mizuho"},    {"三和", "Sanwa"},        {"太平", "Taihei"},
    {"昭栄", "Shoei"},     {"平和", "Heiwa"},        {"共栄", "Kyoei"},
    {"新星", "Shinsei"},   {"関東", "Kanto"},        {"関西", "Kansai"},
    {"東海", "Tokai"},     {"北陸", "Hokuriku"},     {"九州", "Kyushu"},
    {"四国", "Shikoku"},   {"中部", "Chubu"},        {"東北", "Tohoku"},
    {"湘南", "Shonan"},    {"信州", "Shinshu"},      {"越後", "Echigo"},
    {"阿波", "Awa"},       {"伊勢", "Ise"},          {"近江", "Omi"},
    {"丸山", "Maruyama"},  {"星野", "Hoshino"},      {"月光", "Gekko"},
    {"雪国", "Yukiguni"},  {"青空", "Aozora"},       {"大海", "Taikai"},
    {"森林", "Shinrin"},   {"岬", "Misaki"},         {"峰", "Mine"},
    {"泉", "Izumi"},       {"松風", "Matsukaze"},    {"竹林", "Chikurin"},
    {"梅花", "Baika"},     {"三ツ星", "Mitsuboshi"}, {"鶴見", "Tsurumi"},
    {"亀山", "Kameyama"},  {"鷹", "Taka"},           {"隼", "Hayabusa"},
    {"龍王", "Ryuo"},      {"白虎", "Byakko"},       {"白鳥", "Hakucho"},
    {"銀河", "Ginga"},     {"天竜", "Tenryu"},       {"明和", "Meiwa"},
    {"大洋", "Taiyo"},     {"栄光", "Eiko"},         {"協和", "Kyowa"},
    {"誠", "Makoto"},      {"匠", "Takumi"},         {"創", "So"},
    {"未来", "Mirai"},     {"英和", "Eiwa"},         {"東和", "Towa"},
    {"日新", "Nisshin"},   {"大成", "Taisei"},       {"新和", "Shinwa"},
    {"千代田", "Chiyoda"}, {"丸の内", "Marunouchi"}, {"品川", "Shinagawa"},
    {"横浜", "Yokohama"},  {"神戸", "Kobe"},         {"博多", "Hakata"},
    {"札幌", "Sapporo"},   {"仙台", "Sendai"},       {"名古屋", "Nagoya"},
    {"京", "Kyo"},         {"浪速", "Naniwa"},       {"瀬戸", "Seto"},
    {"石狩", "Ishikari"},  {"十勝", "Tokachi"},      {"北上", "Kitakami"},
    {"利根", "Tone"},      {"天城", "Amagi"},        {"阿蘇", "Aso"},
    {"霧島", "Kirishima"}, {"那須", "Nasu"},         {"黒部", "Kurobe"},
    {"立山", "Tateyama"},  {"若松", "Wakamatsu"},    {"飛鳥", "Asuka"},
};

constexpr Word kMiddles[] = {
    {"アーク", "Ark"},   {"テクノ", "Techno"}, {"総合", "Sogo"},         {"国際", "Kokusai"},
    {"ネット", "Net"},   {"データ", "Data"},   {"グローバル", "Global"}, {"デジタル", "Digital"},
    {"ライフ", "Life"},  {"ファイン", "Fine"}, {"エコ", "Eco"},          {"ニュー", "New"},
    {"第一", "Daiichi"}, {"アド", "Ad"},       {"トラスト", "Trust"},    {"スマート", "Smart"},
    {"ユニ", "Uni"},     {"メタル", "Metal"},  {"精密", "Seimitsu"},     {"産業", "Sangyo"},
};

constexpr Industry kIndustries[] = {
    {"Machinery", "Machinery"},
    {"Chemicals", "Chemicals"},
    {"Wholesale", "Retail"},
    {"Logistics and Supply Chain", "Transportation"},
    {"Construction", "Construction"},
    {"Real Estate", "Other"},
    {"Computer Software", "Technology"},
    {"Pharmaceuticals", "Healthcare"},
    {"Food Production", "Food & Beverage"},
    {"Electrical/Electronic Manufacturing", "Electronics"},
    {"Financial Services", "Finance"},
    {"Holding Companies", "Other"},
    {"Marketing and Advertising", "Media"},
    {"Management Consulting", "Consulting"},
    {"Telecommunications", "Telecommunications"},
    {"Textiles", "Apparel"},
};

constexpr NameSuffix kSuffixes[] = {
    {"精機", "Seiki", 0},
    {"製作所", "Seisakusho", 0},
    {"工業", "Kogyo", 0},
    {"電機", "Denki", 9},
    {"化学", "Kagaku", 1},
    {"商事", "Shoji", 2},
    {"物産", "Bussan", 2},
    {"物流", "Butsuryu", 3},
    {"運輸", "Unyu", 3},
    {"建設", "Kensetsu", 4},
    {"不動産", "Fudosan", 5},
    {"システムズ", "Systems", 6},
    {"ソフト", "Soft", 6},
    {"ソリューションズ", "Solutions", 6},
    {"テクノロジーズ", "Technologies", 6},
    {"情報サービス", "Joho Service", 6},
    {"製薬", "Seiyaku", 7},
    {"メディカル", "Medical", 7},
    {"食品", "Shokuhin", 8},
    {"電子", "Denshi", 9},
    {"証券", "Shoken", 10},
    {"リース", "Lease", 10},
    {"ホールディングス", "Holdings", 11},
    {"印刷", "Insatsu", 12},
    {"広告", "Kokoku", 12},
    {"コンサルティング", "Consulting", 13},
    {"通信", "Tsushin", 14},
    {"エナジー", "Energy", 4},
    {"繊維", "Seni", 15},
    {"製紙", "Seishi", 1},
};

constexpr Prefecture kPrefectures[] = {
    {"北海道", "Hokkaido", "札幌市中央区", "060", 2.5},
    {"青森県", "Aomori", "青森市", "030", 0.4},
    {"岩手県", "Iwate", "盛岡市", "020", 0.4},
    {"宮城県", "Miyagi", "仙台市青葉区", "980", 1.5},
    {"秋田県", "Akita", "秋田市", "010", 0.3},
    {"山形県", "Yamagata", "山形市", "990", 0.3},
    {"福島県", "Fukushima", "郡山市", "963", 0.5},
    {"茨城県", "Ibaraki", "つくば市", "305", 0.8},
    {"栃木県", "Tochigi", "宇都宮市", "320", 0.6},
    {"群馬県", "Gunma", "高崎市", "370", 0.6},
    {"埼玉県", "Saitama", "さいたま市大宮区", "330", 2.5},
    {"千葉県", "Chiba", "千葉市美浜区", "261", 2.0},
    {"東京都", "Tokyo", "千代田区", "100", 30.0},
    {"神奈川県", "Kanagawa", "横浜市西区", "220", 6.0},
    {"新潟県", "Niigata", "新潟市中央区", "950", 0.8},
    {"富山県", "Toyama", "富山市", "930", 0.5},
    {"石川県", "Ishikawa", "金沢市", "920", 0.5},
    {"福井県", "Fukui", "福井市", "910", 0.3},
    {"山梨県", "Yamanashi", "甲府市", "400", 0.3},
    {"長野県", "Nagano", "松本市", "390", 0.7},
    {"岐阜県", "Gifu", "岐阜市", "500", 0.6},
    {"静岡県", "Shizuoka", "浜松市中央区", "430", 1.6},
    {"愛知県", "Aichi", "名古屋市中村区", "450", 7.0},
    {"三重県", "Mie", "四日市市", "510", 0.6},
    {"滋賀県", "Shiga", "草津市", "525", 0.4},
    {"京都府", "Kyoto", "京都市下京区", "600", 1.8},
    {"大阪府", "Osaka", "大阪市北区", "530", 9.0},
    {"兵庫県", "Hyogo", "神戸市中央区", "650", 2.8},
    {"奈良県", "Nara", "奈良市", "630", 0.3},
    {"和歌山県", "Wakayama", "和歌山市", "640", 0.2},
    {"鳥取県", "Tottori", "鳥取市", "680", 0.2},
    {"島根県", "Shimane", "松江市", "690", 0.2},
    {"岡山県", "Okayama", "岡山市北区", "700", 0.7},
    {"広島県", "Hiroshima", "広島市中区", "730", 1.6},
    {"山口県", "Yamaguchi", "下関市", "750", 0.4},
    {"徳島県", "Tokushima", "徳島市", "770", 0.2},
    {"香川県", "Kagawa", "高松市", "760", 0.3},
    {"愛媛県", "Ehime", "松山市", "790", 0.4},
    {"高知県", "Kochi", "高知市", "780", 0.2},
    {"福岡県", "Fukuoka", "福岡市博多区", "812", 4.0},
    {"佐賀県", "Saga", "佐賀市", "840", 0.2},
    {"長崎県", "Nagasaki", "長崎市", "850", 0.3},
    {"熊本県", "Kumamoto", "熊本市中央区", "860", 0.5},
    {"大分県", "Oita", "大分市", "870", 0.3},
    {"宮崎県", "Miyazaki", "宮崎市", "880", 0.2},
    {"鹿児島県", "Kagoshima", "鹿児島市", "890", 0.4},
    {"沖縄県", "Okinawa", "那覇市", "900", 0.5},
};

constexpr Title kTitles[] = {
    {"代表取締役社長", "CEO", 7}, {"取締役", "Board Director", 6},
    {"執行役員", "VP", 5},        {"本部長", "General Manager", 5},
    {"部長", "Director", 4},      {"次長", "Deputy Director", 3},
    {"課長", "Manager", 3},       {"マネージャー", "Manager", 3},
    {"係長", "Supervisor", 2},    {"主任", "Senior Staff", 1},
    {"担当", "Staff", 0},         {"リーダー", "Team Lead", 1},
};

constexpr Department kDepartments[] = {
    {"情報システム部", "IT"},
    {"経営企画部", "Corporate Planning"},
    {"営業部", "Sales"},
    {"総務部", "General Affairs"},
    {"購買部", "Procurement"},
    {"人事部", "Human Resources"},
    {"経理部", "Finance"},
    {"マーケティング部", "Marketing"},
    {"DX推進室", "Digital Transformation"},
    {"製造部", "Manufacturing"},
    {"法務部", "Legal"},
};

constexpr std::string_view kTradeShows[] = {
    "Japan IT Week 春", "Japan IT Week 秋",   "ものづくりワールド 東京", "SaaS EXPO 大阪",
    "DX総合EXPO 東京",  "営業DX EXPO 名古屋", "ものづくりワールド 大阪", "物流テック展 福岡",
};

constexpr std::string_view kSeminars[] = {
    "稟議を通すDX投資の進め方",   "レベニューアーキテクチャ入門",
    "製造業の営業DX事例セミナー", "インサイドセールス立ち上げ講座",
    "ABM実践ウェビナー",          "MQL定義の見直し方",
};

constexpr Page kPages[] = {
    {"/", "トップ | RevArch Demo"},
    {"/product", "製品概要 | RevArch Demo"},
    {"/product/routing", "リードルーティング | RevArch Demo"},
    {"/cases/manufacturing", "導入事例: 製造業 | RevArch Demo"},
    {"/cases/logistics", "導入事例: 物流 | RevArch Demo"},
    {"/blog/ringi-approval", "稟議プロセスと商談の進め方 | RevArch Demo"},
    {"/blog/mql-japan", "日本のMQL定義 | RevArch Demo"},
    {"/blog/fiscal-year-planning", "4月始まりの予算計画 | RevArch Demo"},
    {"/seminar", "セミナー情報 | RevArch Demo"},
    {"/company", "会社概要 | RevArch Demo"},
    {"/en/", "RevArch Demo - Revenue architecture for Japan"},
    {"/blog/sansan-integration", "名刺データの活用 | RevArch Demo"},
};

}  // namespace

std::span<const Word> name_prefixes() {
  return kPrefixes;
}
std::span<const Word> name_middles() {
  return kMiddles;
}
std::span<const NameSuffix> name_suffixes() {
  return kSuffixes;
}
std::span<const Industry> industries() {
  return kIndustries;
}
std::span<const Prefecture> prefectures() {
  return kPrefectures;
}
std::span<const Title> titles() {
  return kTitles;
}
std::span<const Department> departments() {
  return kDepartments;
}
std::span<const std::string_view> trade_shows() {
  return kTradeShows;
}
std::span<const std::string_view> seminars() {
  return kSeminars;
}
std::span<const Page> content_pages() {
  return kPages;
}

}  // namespace revarch::demo
