/**
 * The one table of codes jixiao answers with: form validation problems, scoring findings,
 * import findings and HTTP problems. Codes are stable API; messages may be reworded.
 * Messages are templates: {name} is replaced by params.name. Every code is documented in
 * README.md (a test checks that) and has a test that produces it.
 */

export type Severity = 'error' | 'warning' | 'info';
export type CodeKind = 'validation' | 'finding' | 'import' | 'http';

export interface CodeDef {
  kind: CodeKind;
  severity: Severity;
  zh: string;
  en: string;
  /** HTTP status for kind 'http'. */
  status?: number;
}

const v = (zh: string, en: string): CodeDef => ({ kind: 'validation', severity: 'error', zh, en });
const f = (severity: Severity, zh: string, en: string): CodeDef => ({ kind: 'finding', severity, zh, en });
const imp = (severity: Severity, zh: string, en: string): CodeDef => ({ kind: 'import', severity, zh, en });
const h = (status: number, zh: string, en: string): CodeDef => ({ kind: 'http', severity: 'error', zh, en, status });

export const CODES = {
  // ---- form validation: the form cannot be scored until these are fixed -------------------
  REQUIRED: v('缺少必填项“{field}”', 'Required field "{field}" is missing'),
  INVALID_TYPE: v('“{field}”应为{expected}，实际为{received}', '"{field}" must be {expected}, got {received}'),
  NOT_A_NUMBER: v('“{field}”不是有效的数值：{value}', '"{field}" is not a valid number: {value}'),
  NEGATIVE_NUMBER: v('“{field}”不能为负数：{value}', '"{field}" must not be negative: {value}'),
  MONEY_UNIT_MISMATCH: v('“{field}”写明的金额单位“{unit}”与表单金额单位“{moneyUnit}”不一致：{value}（不作换算，请按{moneyUnit}填写或改正金额单位）', '"{field}" is written in {unit}, but the form\'s money unit is {moneyUnit}: {value} (not converted; write it in {moneyUnit} or correct the form\'s money unit)'),
  EMPTY_TEXT: v('“{field}”不能为空', '"{field}" must not be empty'),
  TEXT_TOO_LONG: v('“{field}”超过{max}个字符', '"{field}" is longer than {max} characters'),
  INVALID_VALUE: v('“{field}”的取值无效：{value}', '"{field}" has an invalid value: {value}'),
  INVALID_YEAR: v('年度“{value}”无效，应为四位年份', 'Year "{value}" is invalid; expected four digits'),
  INVALID_CODE: v('“{field}”编码格式无效：{value}', '"{field}" has an invalid code: {value}'),
  EMPTY_INDICATORS: v('绩效指标不能为空，至少需要一个三级指标', 'The indicator tree is empty; at least one indicator is required'),
  EMPTY_FUNDS: v('项目资金不能为空，至少需要一行资金', 'The funds block is empty; at least one row is required'),
  VALUE_OUT_OF_RANGE: v('“{field}”超出允许范围：{value}（绝对值不超过{max}，最多{decimals}位小数）', '"{field}" is out of range: {value} (at most {max} in absolute value, at most {decimals} decimal places)'),
  TOO_MANY_ITEMS: v('“{field}”超过{max}项', '"{field}" has more than {max} items'),
  NOT_AN_OBJECT: v('表单应为 JSON 对象', 'The form must be a JSON object'),
  // review bodies (POST …/reviews, src/review/): the review is refused (422 INVALID_REVIEW) until these are fixed
  REVIEW_REASON_REQUIRED: v('“{name}”复核得分{score}{basis}，须说明理由', '"{name}": the review score {score} {basis}; a reason is required'),
  REVIEW_INDICATOR_UNKNOWN: v('复核项“{ref}”在自评表中找不到对应的指标', 'Review item "{ref}" matches no indicator of the form'),
  REVIEW_INDICATOR_AMBIGUOUS: v('复核项名称“{ref}”对应自评表中多个指标（第{rows}行），请写 index 或 pointer', 'Review item "{ref}" matches several indicators (rows {rows}); give its index or pointer'),
  REVIEW_INDICATOR_TWICE: v('指标“{name}”被复核了两次（另见第{first}项）', 'Indicator "{name}" is reviewed twice (see also item {first})'),
  REVIEW_SCORE_OUT_OF_RANGE: v('“{name}”复核得分{score}超出[0, {points}]', '"{name}": the review score {score} is outside [0, {points}]'),
  // the 一体化 standard shape (src/standard/): identifiers and rows that belong to another project
  UNSAFE_INTEGER: v('“{field}”为超出安全范围的整数{value}，无法准确读取，请以文本传送', '"{field}" is an integer beyond the safe range ({value}) and cannot be read exactly; send it as a string'),
  STANDARD_KEY_MISMATCH: v('“{field}”为“{value}”，与自评信息表的“{expected}”不一致（该行不属于这张自评表）', '"{field}" is "{value}", but the header says "{expected}" (the row belongs to another self-evaluation)'),

  // ---- scoring findings ----------------------------------------------------------------------
  WEIGHT_SUM: f('error', '分值合计为{sum}分（指标{indicators}分 + 预算执行率{budget}分），应为{expected}分', 'Points sum to {sum} ({indicators} for indicators + {budget} for execution); expected {expected}'),
  LEVEL_POINTS_DEVIATE: f('info', '一级指标“{level1}”分值合计{sum}分，政策默认{expected}分', 'Level-1 "{level1}" points sum to {sum}; the policy default is {expected}'),
  TOTAL_MISMATCH: f('warning', '填报总分{reported}与计算总分{computed}不一致', 'Reported total {reported} differs from the computed {computed}'),
  GRADE_MISMATCH: f('warning', '填报等级“{reported}”与计算等级“{computed}”不一致', 'Reported grade "{reported}" differs from the computed "{computed}"'),
  SCORE_MISMATCH: f('warning', '“{name}”填报得分{reported}与计算得分{computed}不一致', '"{name}": reported score {reported} differs from the computed {computed}'),
  EXEC_RATE_MISMATCH: f('warning', '“{row}”填报执行率{reported}%与计算执行率{computed}%不一致', '"{row}": reported execution rate {reported}% differs from the computed {computed}%'),
  EXEC_RATE_ROUNDED: f('info', '“{row}”填报执行率{reported}%为计算执行率{computed}%保留{places}位小数的结果，不作差异处理', '"{row}": the reported execution rate {reported}% is the computed {computed}% rounded to {places} decimal place(s); not a difference'),
  EXEC_RATE_NOT_REPORTED: f('info', '“{row}”未填报执行率，计算执行率为{computed}%', '"{row}": no execution rate reported; the computed rate is {computed}%'),
  EXEC_SCORE_MISMATCH: f('warning', '“{row}”填报执行率得分{reported}与计算得分{computed}不一致', '"{row}": reported execution score {reported} differs from the computed {computed}'),
  BALANCE_MISMATCH: f('warning', '“{row}”填报资金结（转）余{reported}与计算值{computed}不一致', '"{row}": reported balance {reported} differs from the computed {computed}'),
  FUNDS_SUM_MISMATCH: f('warning', '资金来源合计“{field}”为{sum}，与资金总额{total}不一致', 'Fund sources sum to {sum} for "{field}", but the total row says {total}'),
  BUDGET_FROM_PARTS: f('info', '“{row}”未填全年预算数，按年初预算数与调整数计算为{value}', '"{row}": no full-year budget given; computed {value} from the initial budget and the adjustment'),
  EXEC_RATE_OVER_100: f('error', '执行率{rate}%超过100%，得分按满分{points}分封顶', 'Execution rate {rate}% is over 100%; the score is capped at {points}'),
  ZERO_BUDGET: f('warning', '全年预算数为0，执行率无法计算，执行率得分记{score}分', 'The full-year budget is 0; no execution rate, execution score {score}'),
  EXEC_WITHOUT_BUDGET: f('error', '全年预算数为0但有执行数{executed}', 'The full-year budget is 0 but {executed} was spent'),
  FUNDS_FIGURE_MISSING: f('error', '项目资金未填报{field}（空白不等于0），执行率无法计算，执行率得分记0分，需人工复核', 'The funds block has no {field} (blank is not 0); no execution rate, execution score 0; needs review'),
  FUNDS_ROW_FIGURE_MISSING: f('warning', '“{row}”未填报{field}（空白不等于0），资金来源合计时按0计算，需人工复核', '"{row}" has no {field} (blank is not 0); counted as 0 in the sum of the sources; needs review'),
  FUNDS_TOTAL_CONFLICT: f('error', '资金总额行“{row}”（全年预算数 / 全年执行数：{figures}）与“{first}”（{firstFigures}）不一致，按“{first}”计算，需人工复核', 'Total row "{row}" (budget / executed: {figures}) disagrees with "{first}" ({firstFigures}); "{first}" is used; needs review'),
  BUDGET_PARTS_MISMATCH: f('warning', '“{row}”年初预算数{initial}加调整数{adjustment}为{sum}，与全年预算数{budget}不一致，按全年预算数计算，需人工复核', '"{row}": initial budget {initial} plus adjustment {adjustment} is {sum}, but the full-year budget says {budget}; the full-year budget is used; needs review'),
  FUNDS_UNIT_SUSPECT: f('error', '全年执行数{executed}与全年预算数{budget}相差100倍以上，疑为金额单位（万元 / 元）填写错误，执行率得分未自动计算（记0分），需人工复核', 'Executed {executed} and budget {budget} are more than 100 times apart, likely a money-unit (万元 / 元) slip; the execution score is not computed (0); needs review'),
  LOW_EXEC_REASON_REQUIRED: f('warning', '执行率{rate}%低于{threshold}%，需说明原因', 'Execution rate {rate}% is below {threshold}%; a reason is required'),
  POLICY_YEAR_FALLBACK: f('warning', '评分政策“{policy}”的适用年度为{years}，不含本表年度{year}；没有适用于该年度的政策，按默认政策评分', 'Policy "{policy}" covers the years {years}, not the form\'s {year}; no policy covers that year, so the default policy was used'),
  FUND_TABLES_MISMATCH: f('error', '{table}表“{field}”合计{sum}与资金类别合计{expected}不一致', 'The {table} table sums to {sum} for "{field}", but the categories sum to {expected}'),
  DEPT_CATEGORY_UNKNOWN: f('info', '资金行“{row}”不是资金类别清单（{list}）中的类别', 'Fund row "{row}" is not a category of the list ({list})'),
  GOAL_RATIO_SUM: f('warning', '权重比例模式下各目标权重比例合计为{sum}%，应为100%', 'In weight-ratio mode the goals\' ratios sum to {sum}%; expected 100%'),
  TARGET_MISSING: f('error', '“{name}”缺少指标值，得分记0分', '"{name}" has no target; scored 0'),
  ACTUAL_MISSING: f('error', '“{name}”缺少实际完成值，得分记0分', '"{name}" has no actual value; scored 0'),
  ACTUAL_NOT_NUMERIC: f('error', '“{name}”为定量指标，实际完成值“{actual}”不是数值，需人工复核', '"{name}" is quantitative but its actual "{actual}" is not a number; needs review'),
  ACTUAL_HAS_OPERATOR: f('info', '“{name}”实际完成值“{actual}”带有比较符号，按{value}计算', '"{name}": the actual "{actual}" carries an operator; taken as {value}'),
  ACTUAL_NEGATIVE: f('info', '“{name}”实际完成值为负数，按0计算', '"{name}": negative actual taken as 0'),
  UNIT_MISMATCH: f('error', '“{name}”指标值“{target}”与实际完成值“{actual}”{problem}，未自动评分，需人工复核', '"{name}": target "{target}" and actual "{actual}" {problemEn}; not scored automatically, needs review'),
  UNIT_CONVERTED: f('warning', '“{name}”实际完成值单位“{actualUnit}”与指标值单位“{targetUnit}”不同，已换算：{conversion}', '"{name}": the actual is in "{actualUnit}", the target in "{targetUnit}"; converted: {conversion}'),
  UNIT_UNKNOWN: f('info', '“{name}”的计量单位“{unit}”不在词表中', '"{name}": unit "{unit}" is not in the vocabulary'),
  TARGET_UNPARSED: f('warning', '“{name}”的指标值“{target}”无法识别，需人工复核', '"{name}": target "{target}" cannot be read; needs review'),
  ROW_NOT_APPLICABLE: f('info', '“{name}”指标性质为“{operator}”（不适用），按政策剔除该行，指标得分按适用指标折算', '"{name}": operator column "{operator}" (not applicable); the row is dropped and the indicator score rescaled, as the policy says'),
  OPERATOR_NOT_AUTOSCORED: f('warning', '“{name}”指标性质为“{operator}”（定量（其他）或不适用），不自动评分，需人工评分', '"{name}": operator column "{operator}" (other quantitative, or not applicable) is not scored automatically; needs a manual score'),
  OPERATOR_INFERRED: f('warning', '“{name}”指标值未写比较符号，按“{operator}”处理', '"{name}": no operator written; taken as "{operator}"'),
  OPERATOR_CONFLICT: f('warning', '“{name}”指标性质“{column}”与指标值中的符号“{inline}”不一致，以指标性质为准', '"{name}": operator column "{column}" disagrees with "{inline}" in the value; the column wins'),
  DATE_TARGET: f('info', '“{name}”指标值“{target}”为时间节点，按定性指标评分', '"{name}": target "{target}" is a deadline; scored as qualitative'),
  OVERACHIEVED: f('warning', '“{name}”实际完成值{actual}达到指标值{target}的{factor}倍以上，请分析是否指标值设定偏低，可按偏离度人工调减', '"{name}": actual {actual} is at least {factor} × the target {target}; check whether the target was set too low (a manual deduction may apply)'),
  REASON_REQUIRED: f('error', '“{name}”得分{score}低于分值{points}，须填写偏差原因分析及改进措施', '"{name}" scored {score} of {points}; a deviation analysis is required'),
  QUAL_TIER_UNKNOWN: f('warning', '“{name}”为定性指标，实际完成值“{actual}”不是可识别的档次，需人工复核', '"{name}" is qualitative, but the actual "{actual}" is not a known tier; needs review'),
  QUAL_TIER_INFERRED: f('info', '“{name}”实际完成值“{actual}”按“{tier}”档处理', '"{name}": the actual "{actual}" is read as tier "{tier}"'),
  NEEDS_MANUAL_SCORE: f('warning', '“{name}”为“{tier}”档，须在[{min}, {max})分内人工评分', '"{name}" is in tier "{tier}"; a manual score within [{min}, {max}) is required'),
  QUAL_SCORE_OUT_OF_RANGE: f('error', '“{name}”人工评分{score}不在“{tier}”档的得分区间{range}内', '"{name}": manual score {score} is outside the range {range} of tier "{tier}"'),
  QUAL_SCORE_FROM_REPORTED: f('info', '“{name}”采用填报得分{score}（在“{tier}”档区间内）', '"{name}": the reported score {score} is used (within tier "{tier}")'),
  MANUAL_SCORE_NOT_ALLOWED: f('warning', '“{name}”不允许人工评分，已按公式计分', '"{name}": a manual score is not allowed here; the formula was applied'),
  SCORE_OUT_OF_RANGE: f('error', '“{name}”得分{score}超出[0, {points}]', '"{name}": score {score} is outside [0, {points}]'),
  DEDUCTION_NOT_ALLOWED: f('warning', '“{name}”填写了扣减{deduction}分，但评分政策不允许手工扣减，未计入得分', '"{name}": a deduction of {deduction} is written, but the policy allows no manual deduction; it is not applied'),
  DEDUCTION_WITHOUT_REASON: f('warning', '“{name}”扣减{deduction}分未说明理由', '"{name}": a deduction of {deduction} has no reason'),
  COST_ROW_CAPPED: f('info', '“{name}”为未填报的默认成本指标，得分不超过{cap}分', '"{name}" is the default (未填报) cost row; its score is capped at {cap}'),
  ROW_SKIPPED: f('info', '“{name}”调整后指标值为空，该行不评分', '"{name}": the adjusted target was cleared; the row is not scored'),
  ROW_BLANK: f('info', '绩效指标第{row}行为空行（无名称、指标值、实际完成值和分值），不评分', 'Indicator row {row} is blank (no name, target, actual or points); not scored'),
  ANSWER_MISMATCH: f('error', '“{name}”指标值为“{target}”，实际完成值为“{actual}”，未达成', '"{name}": the target asks "{target}", the actual answers "{actual}"; not achieved'),
  ANSWER_UNCLEAR: f('warning', '“{name}”实际完成值“{actual}”是是/否回答，但指标值“{target}”不是是否问题，需人工复核', '"{name}": the actual "{actual}" is a yes/no answer but the target "{target}" is not a yes/no question; needs review'),
  ABOVE_RANGE: f('warning', '“{name}”实际完成值{actual}高于指标区间上限{upper}，得满分，请分析区间设定是否合理', '"{name}": the actual {actual} is above the range\'s upper bound {upper}; full points, check the range'),
  NEGATIVE_TARGET_MISSED: f('warning', '“{name}”指标值{target}为负数，实际完成值{actual}未达到，公式不适用，需人工复核', '"{name}": the target {target} is negative and the actual {actual} misses it; the formula does not apply, needs review'),
  STRICT_OPERATOR_NOT_MET: f('warning', '“{name}”实际完成值{actual}等于指标值，按“{operator}”（严格比较）未达成，需人工评分', '"{name}": the actual {actual} equals the target; under a strict "{operator}" it is not met, a manual score is needed'),
  VALUE_AMBIGUOUS: f('warning', '“{name}”的{what}“{value}”含有多个数值，无法确定按哪个评分，需人工复核', '"{name}": the {whatEn} "{value}" holds several numbers; which one to score is unclear, needs review'),
  TARGET_APPROXIMATE: f('warning', '“{name}”指标值“{target}”为约数，评分规则未规定约数如何算达成，实际完成值{actual}与该数不等，需人工复核', '"{name}": the target "{target}" is approximate; the rules do not say when an approximate target is met and the actual {actual} differs from it, needs review'),
  ACTUAL_NOT_EXACT: f('warning', '“{name}”实际完成值“{actual}”{problem}，不能按指标值“{target}”自动评分，需人工复核', '"{name}": the actual "{actual}" {problemEn}; it cannot be scored against the target "{target}", needs review'),
  QUAL_MEANING_CONFLICT: f('warning', '“{name}”实际完成值“{actual}”与指标值“{target}”的要求不一致（{problem}），需人工复核', '"{name}": the actual "{actual}" does not match what the target "{target}" asks ({problemEn}); needs review'),
  DUPLICATE_INDICATOR: f('warning', '指标“{name}”在“{level1}/{level2}”下重复出现（第{first}行）', 'Indicator "{name}" appears twice under "{level1}/{level2}" (first at row {first})'),
  LEVEL_UNKNOWN: f('info', '“{level}”不是常见的{depth}指标名称', '"{level}" is not a usual level-{depth} indicator name'),
  RENORMALISED: f('info', '不适用指标已剔除，指标得分按{nominal}分折算', 'Non-applicable rows were dropped; the indicator score is rescaled to {nominal}'),
  POSSIBLE_DOUBLE_COUNT: f('info', '“{name}”与预算执行率重复计分的可能', '"{name}" may double-count the budget execution rate'),
  // unknown fields are stripped by validation (never scored, stored or echoed) and reported here
  UNKNOWN_FIELD: f('warning', '未知字段“{field}”已忽略（不评分、不保存）', 'Unknown field "{field}" was ignored (neither scored nor stored)'),
  // the 一体化 standard shape (src/standard/): two columns for one field, and codes 9 / 10 of computesign
  STANDARD_FIELD_CONFLICT: f('warning', '“{field}”为“{value}”，与“{other}”的“{used}”不一致，按“{other}”评分', '"{field}" is "{value}" but "{other}" says "{used}"; "{other}" is scored'),
  UNKNOWN_FIELDS_MORE: f('warning', '另有{count}个未知字段已忽略（未逐一列出）', '{count} more unknown fields were ignored (not listed one by one)'),
  // reviewer re-scores (复核 / 抽评, src/review/): self vs reviewer vs computed; pointers into the reviewed form
  REVIEW_ACTUAL_CHANGED: f('info', '“{name}”复核完成值“{reviewer}”与自评完成值“{self}”不同', '"{name}": the reviewer\'s actual "{reviewer}" differs from the filer\'s "{self}"'),
  REVIEW_SCORE_CHANGED: f('warning', '“{name}”复核得分{reviewer}与自评得分{self}相差{diff}', '"{name}": the review score {reviewer} differs from the self-score {self} by {diff}'),
  REVIEW_SCORE_VS_COMPUTED: f('warning', '“{name}”复核得分{reviewer}与按复核完成值计算的得分{computed}不一致', '"{name}": the review score {reviewer} differs from {computed}, computed from the reviewer\'s actual'),
  REVIEW_TOTAL_CHANGED: f('warning', '复核总分{reviewer}与自评总分{self}相差{diff}', 'The review total {reviewer} differs from the self-evaluation total {self} by {diff}'),
  REVIEW_TOTAL_VS_COMPUTED: f('warning', '复核总分{reviewer}与按复核完成值计算的总分{computed}不一致', 'The review total {reviewer} differs from {computed}, computed from the reviewer\'s values'),
  REVIEW_GRADE_MISMATCH: f('warning', '抽评等级“{reviewer}”与按复核完成值计算的等级“{computed}”不一致', 'The review grade "{reviewer}" differs from "{computed}", computed from the reviewer\'s values'),
  REVIEW_RULE_APPLIED: f('warning', '复核口径“{rule}”（{ruleName}，实务做法，非政策规定）：“{name}”计算得分记{score}分', 'Re-check rule "{rule}" ({ruleNameEn}; practice, not policy): "{name}" is computed as {score}'),
  REVIEW_RULE_NOT_APPLIED: f('warning', '复核口径“{rule}”适用于“{name}”，但评分政策“{policy}”不允许人工扣减，未计入计算得分，需人工复核', 'Re-check rule "{rule}" applies to "{name}", but policy "{policy}" allows no manual deduction; not in the computed score, needs review'),

  // ---- import (Excel) ------------------------------------------------------------------------
  IMPORT_SHEET_NOT_FOUND: imp('error', '工作簿中没有名为“{sheet}”的工作表（现有工作表：{sheets}）', 'The workbook has no sheet named "{sheet}" (its sheets: {sheets})'),
  IMPORT_NO_FORM: imp('error', '工作表“{sheet}”中未找到项目支出绩效自评表', 'No self-evaluation form was found in sheet "{sheet}"'),
  IMPORT_HEADER_MISSING: imp('error', '工作表“{sheet}”缺少表头“{header}”', 'Sheet "{sheet}" lacks the header "{header}"'),
  IMPORT_CELL_UNREADABLE: imp('warning', '单元格{cell}的值“{value}”无法识别', 'Cell {cell}: value "{value}" cannot be read'),
  IMPORT_FORMULA_NO_RESULT: imp('warning', '单元格{cell}为公式且无计算结果', 'Cell {cell} holds a formula with no cached result'),
  IMPORT_TOO_MANY_ROWS: imp('error', '工作表“{sheet}”超过{max}行', 'Sheet "{sheet}" has more than {max} rows'),
  IMPORT_EMPTY_SHEET: imp('warning', '工作表“{sheet}”为空', 'Sheet "{sheet}" is empty'),
  IMPORT_NOT_XLSX: imp('error', '文件不是有效的 xlsx 工作簿：{detail}', 'The file is not a valid xlsx workbook: {detail}'),
  IMPORT_ENCRYPTED: imp('error', '工作簿已加密（设有打开密码），请去除密码后再上传', 'The workbook is encrypted (password protected); remove the password and upload it again'),
  IMPORT_TOO_LARGE: imp('error', '工作簿解压后过大：{detail}', 'The workbook unpacks to too much data: {detail}'),
  IMPORT_SHEET_SKIPPED: imp('info', '工作表“{sheet}”不是自评表，已跳过', 'Sheet "{sheet}" is not a self-evaluation form; skipped'),
  IMPORT_REGION_INFERRED: imp('info', '财政区划代码按“{basis}”推定为{code}', 'The region code was inferred as {code} from "{basis}"'),
  IMPORT_VALUE_NORMALISED: imp('info', '单元格{cell}的值“{value}”按“{normalised}”读取', 'Cell {cell}: value "{value}" was read as "{normalised}"'),
  IMPORT_FORM_INCOMPLETE: imp('error', '工作表“{sheet}”缺少“{field}”', 'Sheet "{sheet}" lacks "{field}"'),
  IMPORT_ROW_SKIPPED: imp('warning', '单元格{cell}所在行“{text}”未读入：{reason}', 'The row at cell {cell} ("{text}") was not read: {reason}'),
  IMPORT_CELL_IGNORED: imp('info', '单元格{cell}的内容“{text}”未读入表单：{reason}', 'Cell {cell} ("{text}") was not read into the form: {reason}'),
  IMPORT_MONEY_UNIT_ASSUMED: imp('info', '工作表“{sheet}”未注明金额单位，自{cell}起的项目资金按万元读取', 'Sheet "{sheet}" states no money unit; the funds from {cell} on are read as 万元'),
  IMPORT_MONEY_UNIT_CONFLICT: imp('warning', '单元格{cell}注明金额单位为{unit}，与{used}注明的{moneyUnit}不一致，按{moneyUnit}读取', 'Cell {cell} states the money unit {unit}, but {used} states {moneyUnit}; read as {moneyUnit}'),
  IMPORT_HIDDEN_READ: imp('info', '单元格{cell}所在的{what}在 Excel 中隐藏，其内容已照常读入', 'The {what} of cell {cell} is hidden in Excel; its content was read as usual'),

  // ---- HTTP problems -------------------------------------------------------------------------
  INVALID_FORM: h(422, '表单无效：共{count}个问题', 'The form is invalid: {count} problem(s)'),
  INVALID_REVIEW: h(422, '复核意见无效：共{count}个问题', 'The review is invalid: {count} problem(s)'),
  INVALID_JSON: h(400, '请求体不是有效的 JSON', 'The request body is not valid JSON'),
  INVALID_UTF8: h(400, '请求体不是有效的 UTF-8 文本（含无效字节，或字符串中有不成对的代理项 \\uD800–\\uDFFF）', 'The request body is not valid UTF-8 text (invalid bytes, or an unpaired surrogate \\uD800–\\uDFFF in a string)'),
  JSON_TOO_DEEP: h(400, '请求体的 JSON 嵌套层数超过上限', 'The request body\'s JSON is nested deeper than allowed'),
  EMPTY_BODY: h(400, '请求体为空', 'The request body is empty'),
  BODY_TOO_LARGE: h(413, '请求体超过{limit}字节', 'The request body is larger than {limit} bytes'),
  LINE_TOO_LARGE: h(413, '第{line}行超过{limit}字节', 'Line {line} is larger than {limit} bytes'),
  UNSUPPORTED_MEDIA_TYPE: h(415, '不支持的内容类型“{type}”', 'Unsupported content type "{type}"'),
  NOT_ACCEPTABLE: h(406, '无法提供所请求的格式', 'The requested format cannot be produced'),
  BAD_REQUEST: h(400, '请求无效：{detail}', 'Bad request: {detail}'),
  NOT_FOUND: h(404, '未找到：{what}', 'Not found: {what}'),
  BAD_CURSOR: h(400, '分页游标无效：请原样传回上一页应答中的 next', 'Invalid page cursor: pass back the next of the previous page unchanged'),
  METHOD_NOT_ALLOWED: h(405, '不允许的请求方法：{method}（允许：{allow}）', 'Method {method} not allowed (allowed: {allow})'),
  REQUEST_TIMEOUT: h(408, '请求未在限定时间内完整送达', 'The request did not arrive in full in time'),
  URI_TOO_LONG: h(414, 'URL 过长', 'The URL is too long'),
  EXPECTATION_FAILED: h(417, '不支持的 Expect 请求头“{expect}”', 'Unsupported Expect header "{expect}"'),
  HEADERS_TOO_LARGE: h(431, '请求头过大', 'The request headers are too large'),
  MULTIPART_LIMIT: h(413, '上传内容超过限制：{what}最多{max}', 'The upload exceeds a limit: at most {max} {what}'),
  UNKNOWN_POLICY: h(404, '未知的评分政策“{policy}”', 'Unknown scoring policy "{policy}"'),
  UNAUTHORIZED: h(401, '缺少或无效的 API 密钥', 'Missing or invalid API key'),
  FORBIDDEN: h(403, '当前角色无权执行此操作', 'This role may not do that'),
  CONFLICT: h(409, '冲突：{detail}', 'Conflict: {detail}'),
  TOO_MANY_REQUESTS: h(429, '请求过多，请稍后再试', 'Too many requests; try again later'),
  SERVICE_UNAVAILABLE: h(503, '服务暂不可用：{detail}', 'Service unavailable: {detail}'),
  INTERNAL: h(500, '服务器内部错误', 'Internal server error'),
  // asynchronous jobs (POST /v1/jobs)
  JOB_TOO_LARGE: h(413, '一个作业最多{max}张表单', 'A job holds at most {max} forms'),
  JOB_LIMIT: h(429, '未完成的作业已有{count}个（每个密钥最多{max}个），请等待其完成或取消后再提交', '{count} unfinished jobs already (at most {max} per key); wait for one to finish or cancel one'),
  JOB_FINISHED: h(409, '作业已结束（{state}），不能取消', 'The job has already ended ({state}); it cannot be cancelled'),
  CALLBACK_NOT_ALLOWED: h(422, '回调地址“{url}”不在允许的来源之内（CALLBACK_ORIGINS）', 'The callback "{url}" is not under an allowed origin (CALLBACK_ORIGINS)'),
  // target lint of POST /v1/targets/check (findings in a 200 answer, not problems)
  TARGET_EMPTY: f('warning', '“{name}”未填写指标值', '"{name}" has no target value'),
  TARGET_NOT_MEASURABLE: f('warning', '“{name}”的指标值“{target}”为定性表述，无法量化考核', '"{name}": the target "{target}" is qualitative wording and cannot be measured'),
  TARGET_NO_UNIT: f('warning', '“{name}”的指标值“{target}”缺少计量单位', '"{name}": the target "{target}" has no unit'),
  TARGET_NO_OPERATOR: f('warning', '“{name}”的指标值“{target}”缺少比较符号（≥ ≤ = 等）', '"{name}": the target "{target}" has no operator (≥ ≤ = …)'),
  TARGET_AMBIGUOUS: f('warning', '“{name}”的指标值“{target}”含有多个数值，仅取第一个', '"{name}": the target "{target}" holds several numbers; the first was taken'),
} as const satisfies Record<string, CodeDef>;

export type Code = keyof typeof CODES;
export type Lang = 'zh' | 'en';

/**
 * Templates split once at load into literal text and placeholder names, alternating
 * ("“{field}”不能为空" → ['“', 'field', '”不能为空']), so filling one is a few concatenations.
 */
const PLACEHOLDER = /\{(\w+)\}/g;
function split(tpl: string): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const m of tpl.matchAll(PLACEHOLDER)) {
    parts.push(tpl.slice(last, m.index), m[1]);
    last = m.index + m[0].length;
  }
  parts.push(tpl.slice(last));
  return parts;
}
const TEMPLATES = new Map<string, { zh: string[]; en: string[] }>(
  Object.entries(CODES).map(([code, def]) => [code, { zh: split(def.zh), en: split(def.en) }]),
);

/** Fill a message template. Unknown placeholders stay visible rather than vanish. */
export function message(code: Code, params: Record<string, string | number> = {}, lang: Lang = 'zh'): string {
  const parts = TEMPLATES.get(code)![lang];
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    out += (k in params ? String(params[k]) : '{' + k + '}') + parts[i + 1];
  }
  return out;
}

export function severityOf(code: Code): Severity {
  return CODES[code].severity;
}

/** A problem or finding: the shape every jixiao surface uses (code + pointer + message). */
export interface Finding {
  code: Code;
  severity: Severity;
  /** RFC 6901 JSON pointer into the submitted form, e.g. "/indicators/3/actual". "" = the whole form. */
  pointer: string;
  message: string;
  params: Record<string, string>;
  /** Set by the Excel import: the cell the pointer came from, e.g. "Sheet1!H14". */
  cell?: string;
}

export function finding(code: Code, pointer: string, params: Record<string, string | number> = {}, lang: Lang = 'zh'): Finding {
  const p: Record<string, string> = {};
  for (const k of Object.keys(params)) p[k] = String(params[k]);
  return { code, severity: CODES[code].severity, pointer, message: message(code, p, lang), params: p };
}

/** Escape one JSON-pointer segment (RFC 6901). */
export function ptr(...segments: (string | number)[]): string {
  let out = '';
  for (const seg of segments) {
    const s = String(seg);
    // Escaping is rare (field names never need it); skip the two replaces when it is not needed.
    out += '/' + (s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s);
  }
  return out;
}
