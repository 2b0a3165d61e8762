export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 存活检查 */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 就绪检查：存储在限时内应答（READY_TIMEOUT_MS，默认1秒），评分政策已加载
         * @description 实例可以接收流量时为200：数据库（SQLite 或 PostgreSQL）在 READY_TIMEOUT_MS 内应答一次探测，且评分政策已加载；否则503（Retry-After: 5）。存活检查见 /healthz。
         */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus 指标（文本格式 0.0.4） */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 评分政策列表 */
        get: operations["getPolicies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一个评分政策的全部参数 */
        get: operations["getPoliciesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 评分一张自评表
         * @description 返回计算结果（各指标得分、执行率得分、总分、等级、问题清单与偏差报告）。表单有问题（findings）时仍为 200；不是有效表单时为 422，errors 列出每个问题及其 JSON 指针。detail=brief 时只返回 BriefResult（总分、等级、状态、各指标得分与问题代码）。
         */
        post: operations["postScore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/score/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 批量评分（JSON 数组或 NDJSON 流）
         * @description application/json：表单数组，返回 {results, summary}。application/x-ndjson：每行一个表单，返回流式 NDJSON：每个输入行一行（line、id、ok、result 或 problem），按输入顺序，最后一行为 {"summary": …}；坏行给出错误行，其余照常评分。
         */
        post: operations["postScoreBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/targets/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 检查指标值（绩效目标申报）
         * @description 逐项给出指标值的解析（比较符号、数值、单位、是否定性）与问题：不可量化、缺少单位、缺少比较符号、未知单位等。
         */
        post: operations["postTargetsCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 导入自评表工作簿（xlsx）
         * @description multipart/form-data（字段 file）或原始 xlsx 请求体。每张工作表读出一张表单并评分，问题带有单元格位置（cell，如 "Sheet1!H14"）。查询参数：sheet 只读该工作表；mofDivCode 指定财政区划；score=false 只读不评分；shape=standard（或 Accept: application/vnd.jixiao.standard+json）时每张表单的结果为一体化规范表形状（standard：各行填入计算值，评分结果在 standard.jixiao 下，金额单位同工作簿）。
         */
        post: operations["postImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 导出评分后的自评表（xlsx 或可打印 HTML）
         * @description 请求体为一张表单、表单数组或 {"forms": [...]}。format=xlsx（默认）返回官方版式工作簿（多张表单时含汇总表），计算值与填报值并列，问题以批注和底色标在单元格上；format=html 返回可打印页面。policy 指定评分政策（同 POST /v1/score；未知为 404 UNKNOWN_POLICY），省略时按各表单的财政区划与年度选用。
         */
        post: operations["postExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/narrative": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 生成项目绩效自评综述
         * @description 请求体为一张表单（返回 {text, …}）或表单数组 / {"forms": [...]}（返回 {items: [...]}）。
         */
        post: operations["postNarrative"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 自评表列表（按角色限定范围） */
        get: operations["getSubmissions"];
        put?: never;
        /**
         * 提交一张自评表（预算单位）
         * @description 校验、按适用的评分政策评分并保存（含评分快照）。同一财政区划、年度、项目再次提交生成新版本。Idempotency-Key 相同的重试返回首次的应答；相同 eval_id（表单 id）且内容相同时不生成新版本（200）。请求体也可为一体化规范表形状（pm_perf_self_eval.eval_id 为幂等键，同一 mof_div_code、fiscal_year、pro_code 的新 eval_id 为新版本；原样保存，问题指针指向规范表的行与列）。
         */
        post: operations["postSubmissions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一张自评表：当前版本、评分与全部版本 */
        get: operations["getSubmissionsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一张自评表的版本列表（从旧到新，分页） */
        get: operations["getSubmissionsByIdVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions/{id}/versions/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一个版本：提交的表单原文与其全部评分快照 */
        get: operations["getSubmissionsByIdVersionsByN"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions/{id}/versions/{n}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 复核 / 抽评一个自评表版本（复核人员）
         * @description 逐项写复核完成值、复核得分与理由（复核得分低于分值时理由必填），以及抽评等级（1 优、2 良、3 中、4 差）与复核结论。jixiao 将复核完成值代入该版本的表单，用同一评分引擎、同一评分政策计算，逐项与合计列出自评 / 复核 / 计算，差异作为问题（REVIEW_*）。同一复核机构再次复核同一版本生成复核的新版本，旧版本保留；Idempotency-Key 相同的重试返回首次的应答。?rules=practice 启用复核口径规则包（实务做法，非政策规定）。
         */
        post: operations["postSubmissionsByIdVersionsByNReviews"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 复核列表（按角色限定范围，新的在前） */
        get: operations["getReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{rid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一份复核：当前版本的自评 / 复核 / 计算对照与全部版本 */
        get: operations["getReviewsByRid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{rid}/versions/{v}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 复核的一个版本：复核意见原文与其对照 */
        get: operations["getReviewsByRidVersionsByV"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{rid}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出复核后的自评表工作簿（自评与复核并列） */
        get: operations["getReviewsByRidExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rescore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 按评分政策重新评分（财政） */
        post: operations["postRescore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 统计（财政）：等级分布、覆盖资金、得分均值与离散、常见问题、异常，按部门分组 */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/disclosure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 决算公开“预算绩效管理工作开展情况”段落 */
        get: operations["getStatsDisclosure"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/disclosure/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 决算公开“预算绩效情况说明”全文（第（1）至（5）部分）
         * @description 由已存储的项目自评表与部门（单位）整体支出自评表生成；每个数字在 JSON 中列出其来源自评表（id 与版本）。
         */
        get: operations["getStatsDisclosureDocument"];
        put?: never;
        /** 决算公开“预算绩效情况说明”全文，部门提供的数字（含部门评价项目）在请求体中 */
        post: operations["postStatsDisclosureDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/inflation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 各部门自评得分虚高指数（财政；部门只看本部门）
         * @description 各部门自评得分虚高指标（财政）：填报总分 − 计算总分的均值与分位数、全部指标满分的表单占比、实际完成值照抄指标值的定量行占比、未满分且无偏差说明的行占比、指标值不高于上年实际完成值的行占比（上年已存储时），以及综合指数。综合指数 index = 100 × Σ wᵢ·cᵢ / Σ wᵢ（仅计有值的分项）：c_gap = min(max(平均差额, 0) / 10, 1)，w 0.30；c_fullMarks = 全部指标满分的表单占比，w 0.20；c_equalActual = 实际完成值与指标值完全相同的定量行占比，w 0.20；c_noNote = 未满分且无偏差说明的行占比，w 0.15；c_belowPrevious = 指标值不高于上年实际完成值的行占比，w 0.15（占比按 0–1 计）。部门密钥只看到本部门一行。排序 ?sort=index（升序）或 -index（降序，默认）；CSV：?format=csv 或 Accept: text/csv。
         */
        get: operations["getStatsInflation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/whatif": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 假设评分（财政）：按另一评分政策重新评分一个年度或一批表单，不存储
         * @description 每个项目的新旧总分与等级、等级迁移矩阵（优→良 …）、各部门合计、出现或消失的问题代码，以及造成变化最大的规则（drivers：按产生分差的部分归集——funds.<method> 预算执行率得分、indicator.<method> 指标行得分（方法改变时为 旧→新）、grade.bands 总分未变而等级改变）。已存储年度的“旧”分为其当前评分；上传的表单“旧”分按各表单适用的政策计算。application/x-ndjson：每行一个表单，政策用 ?policy=。
         */
        post: operations["postWhatif"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志（财政）：谁、何时、用哪个密钥、做了什么 */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API 密钥列表（不含密钥本身），按创建时间排序，分页 */
        get: operations["getKeys"];
        put?: never;
        /** 创建 API 密钥（只显示一次） */
        post: operations["postKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 吊销 API 密钥 */
        delete: operations["deleteKeysById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本密钥的作业（新的在前） */
        get: operations["getJobs"];
        put?: never;
        /**
         * 提交异步批量评分作业（NDJSON、JSON 数组或批量工作簿）
         * @description 全部行保存后答复 202（Location 为作业 URL）；服务重启后从中断处继续，不丢失、不重复。application/x-ndjson：每行一张表单（JOB_BODY_LIMIT）；application/json：表单数组（BATCH_BODY_LIMIT）；multipart/form-data（字段 file）或 xlsx：批量工作簿。选项为查询参数。
         */
        post: operations["postJobs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/callback-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 本密钥的回调签名密钥
         * @description 回调请求带 x-jixiao-timestamp 与 x-jixiao-signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + 请求体))。secret 由 API 密钥派生：hex(HMAC-SHA256(API 密钥, "jixiao-callback-v1"))，吊销密钥即作废。
         */
        post: operations["postJobsCallbackSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 作业状态：按状态计数、进度、时间与回调投递 */
        get: operations["getJobsById"];
        put?: never;
        post?: never;
        /**
         * 取消作业
         * @description 尚未评分的行不再评分（保持 pending 审核中）；已有结果保留至清理。已结束的作业答复 409 JOB_FINISHED。
         */
        delete: operations["deleteJobsById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 作业结果（NDJSON 流或 JSON 分页）
         * @description 每个项目一行（按输入行序）：{line, proCode, evalId, id, status, label, result | problem}。status 过滤；format=json 时为一页 {items, next}。
         */
        get: operations["getJobsByIdResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/results/{proCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 一个项目的结果（按项目代码 pro_code）
         * @description 同一作业中同一项目代码出现多次时，答复最后一行，otherLines 列出其余行号。
         */
        get: operations["getJobsByIdResultsByProCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description 项目绩效分析（文字部分） */
        Analysis: {
            /** @description 项目实施和预算执行情况 */
            implementation?: string;
            /** @description 产出情况 */
            outputs?: string;
            /** @description 效益情况 */
            benefits?: string;
            /** @description 满意度情况 */
            satisfaction?: string;
            /** @description 主要经验做法 */
            experience?: string;
            /** @description 存在的主要问题及原因分析 */
            problems?: string;
            /** @description 下一步改进措施及管理建议 */
            improvements?: string;
        };
        /** @description 项目绩效分析（文字部分） */
        AnalysisInput: {
            /** @description 项目实施和预算执行情况 */
            implementation?: string | number;
            /** @description 产出情况 */
            outputs?: string | number;
            /** @description 效益情况 */
            benefits?: string | number;
            /** @description 满意度情况 */
            satisfaction?: string | number;
            /** @description 主要经验做法 */
            experience?: string | number;
            /** @description 存在的主要问题及原因分析 */
            problems?: string | number;
            /** @description 下一步改进措施及管理建议 */
            improvements?: string | number;
        };
        /** @description 自评表：项目支出（kind 省略或为 project）或部门（单位）整体支出（kind 为 department） */
        AnyForm: components["schemas"]["ProjectForm"] | components["schemas"]["DepartmentForm"];
        /** @description 自评表：项目支出（kind 省略或为 project）或部门（单位）整体支出（kind 为 department） */
        AnyFormInput: components["schemas"]["ProjectFormInput"] | components["schemas"]["DepartmentFormInput"];
        /** @description API 密钥（不含密钥本身） */
        ApiKey: {
            id: string;
            name: string;
            /** @enum {string} */
            role: "unit" | "department" | "bureau" | "reviewer";
            agencyCode: string | null;
            deptCode: string | null;
            mofDivCode: string | null;
            /** @description 密钥的前几个字符（用于辨认，不能用来认证） */
            prefix: string;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            createdBy: string | null;
            revokedAt: string | null;
        };
        /** @description API 密钥（不含密钥本身） */
        ApiKeyInput: {
            id: string;
            name: string;
            /** @enum {string} */
            role: "unit" | "department" | "bureau" | "reviewer";
            agencyCode: string | null;
            deptCode: string | null;
            mofDivCode: string | null;
            /** @description 密钥的前几个字符（用于辨认，不能用来认证） */
            prefix: string;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            createdBy: string | null;
            revokedAt: string | null;
        };
        /** @description API 密钥列表的一页（按创建时间） */
        ApiKeyPage: {
            items: components["schemas"]["ApiKey"][];
            /** @description 下一页的游标（作为 cursor 传回）；最后一页为 null */
            next: string | null;
        };
        /** @description API 密钥列表的一页（按创建时间） */
        ApiKeyPageInput: {
            items: components["schemas"]["ApiKeyInput"][];
            /** @description 下一页的游标（作为 cursor 传回）；最后一页为 null */
            next: string | null;
        };
        /** @description 审计日志一行 */
        AuditEntry: {
            id: number;
            /** @description ISO 8601 时间（UTC） */
            at: string;
            keyId: string | null;
            keyName: string | null;
            role: string | null;
            action: string;
            target: string | null;
            detail: unknown;
        };
        /** @description 审计日志一行 */
        AuditEntryInput: {
            id: number;
            /** @description ISO 8601 时间（UTC） */
            at: string;
            keyId: string | null;
            keyName: string | null;
            role: string | null;
            action: string;
            target: string | null;
            detail: unknown;
        };
        /** @description 审计日志的一页（新的在前） */
        AuditPage: {
            items: components["schemas"]["AuditEntry"][];
            /** @description 下一页的游标（作为 cursor 传回）；最后一页为 null */
            next: string | null;
            /**
             * @deprecated
             * @description 同 next（已弃用）
             */
            nextCursor: string | null;
        };
        /** @description 审计日志的一页（新的在前） */
        AuditPageInput: {
            items: components["schemas"]["AuditEntryInput"][];
            /** @description 下一页的游标（作为 cursor 传回）；最后一页为 null */
            next: string | null;
            /**
             * @deprecated
             * @description 同 next（已弃用）
             */
            nextCursor: string | null;
        };
        /** @description JSON 数组批量评分中的一项 */
        BatchItem: {
            /** @description 数组中的下标，从 0 开始 */
            index: number;
            /** @description 表单的 id（eval_id），没有时为 proCode；都没有时为 null */
            id: string | null;
            ok: boolean;
            /** @description shape=standard 时为 StandardAnswer */
            result?: components["schemas"]["ScoreResult"] | components["schemas"]["BriefResult"] | components["schemas"]["StandardAnswer"];
            /** @description 该表单无法评分的原因（ok 为 false 时） */
            problem?: components["schemas"]["Problem"];
        };
        /** @description JSON 数组批量评分中的一项 */
        BatchItemInput: {
            /** @description 数组中的下标，从 0 开始 */
            index: number;
            /** @description 表单的 id（eval_id），没有时为 proCode；都没有时为 null */
            id: string | null;
            ok: boolean;
            /** @description shape=standard 时为 StandardAnswer */
            result?: components["schemas"]["ScoreResultInput"] | components["schemas"]["BriefResultInput"] | components["schemas"]["StandardAnswerInput"];
            /** @description 该表单无法评分的原因（ok 为 false 时） */
            problem?: components["schemas"]["ProblemInput"];
        };
        /** @description NDJSON 输出的一行：一个输入行的结果或错误 */
        BatchLine: {
            /** @description 输入中的行号，从 1 开始 */
            line: number;
            /** @description 表单的 id（eval_id），没有时为 proCode；都没有时为 null */
            id: string | null;
            ok: boolean;
            /** @description shape=standard 时为 StandardAnswer */
            result?: components["schemas"]["ScoreResult"] | components["schemas"]["BriefResult"] | components["schemas"]["StandardAnswer"];
            /** @description 该表单无法评分的原因（ok 为 false 时） */
            problem?: components["schemas"]["Problem"];
        };
        /** @description NDJSON 输出的一行：一个输入行的结果或错误 */
        BatchLineInput: {
            /** @description 输入中的行号，从 1 开始 */
            line: number;
            /** @description 表单的 id（eval_id），没有时为 proCode；都没有时为 null */
            id: string | null;
            ok: boolean;
            /** @description shape=standard 时为 StandardAnswer */
            result?: components["schemas"]["ScoreResultInput"] | components["schemas"]["BriefResultInput"] | components["schemas"]["StandardAnswerInput"];
            /** @description 该表单无法评分的原因（ok 为 false 时） */
            problem?: components["schemas"]["ProblemInput"];
        };
        /** @description application/json 批量评分的结果 */
        BatchResult: {
            results: components["schemas"]["BatchItem"][];
            summary: components["schemas"]["BatchSummary"];
        };
        /** @description application/json 批量评分的结果 */
        BatchResultInput: {
            results: components["schemas"]["BatchItemInput"][];
            summary: components["schemas"]["BatchSummaryInput"];
        };
        /** @description 批量评分汇总（NDJSON 的最后一行为 {"summary": …}） */
        BatchSummary: {
            /** @description 收到的表单数（不含空行） */
            lines: number;
            scored: number;
            failed: number;
            /** @description 按等级计数；无等级的政策记为 "none" */
            byGrade: {
                [key: string]: number;
            };
            /** @description 按问题代码计数（已评分表单中的问题） */
            byFinding: {
                [key: string]: number;
            };
            /** @description 无法评分的表单，按原因代码计数 */
            failures: {
                [key: string]: number;
            };
        };
        /** @description 批量评分汇总（NDJSON 的最后一行为 {"summary": …}） */
        BatchSummaryInput: {
            /** @description 收到的表单数（不含空行） */
            lines: number;
            scored: number;
            failed: number;
            /** @description 按等级计数；无等级的政策记为 "none" */
            byGrade: {
                [key: string]: number;
            };
            /** @description 按问题代码计数（已评分表单中的问题） */
            byFinding: {
                [key: string]: number;
            };
            /** @description 无法评分的表单，按原因代码计数 */
            failures: {
                [key: string]: number;
            };
        };
        /** @description detail=brief 时的简要结果：总分、等级、状态、各指标得分与问题代码 */
        BriefResult: {
            /** @enum {string} */
            status: "scored" | "needs_review";
            /** @description 十进制数字符串，如 "93.76" */
            total: string;
            grade: string | null;
            gradeCode: string | null;
            /** @description 总分与等级为暂定：有需人工复核的指标或预算执行情况，或分值合计不等于政策总分 */
            provisional: boolean;
            policy: components["schemas"]["PolicyRef"];
            summary: {
                errors: number;
                warnings: number;
                infos: number;
                byCode: {
                    [key: string]: number;
                };
            };
            /** @description 每个三级指标的得分、状态与问题代码（与完整结果相同） */
            indicators: {
                index: number;
                /** @description 十进制数字符串，如 "93.76" */
                score: string;
                /** @enum {string} */
                status: "met" | "partly_met" | "not_met" | "over_achieved" | "qualitative_tier" | "skipped" | "needs_review";
                /** @description 该行问题的代码 */
                findings: string[];
            }[];
        };
        /** @description detail=brief 时的简要结果：总分、等级、状态、各指标得分与问题代码 */
        BriefResultInput: {
            /** @enum {string} */
            status: "scored" | "needs_review";
            /** @description 十进制数字符串，如 "93.76" */
            total: string;
            grade: string | null;
            gradeCode: string | null;
            /** @description 总分与等级为暂定：有需人工复核的指标或预算执行情况，或分值合计不等于政策总分 */
            provisional: boolean;
            policy: components["schemas"]["PolicyRefInput"];
            summary: {
                errors: number;
                warnings: number;
                infos: number;
                byCode: {
                    [key: string]: number;
                };
            };
            /** @description 每个三级指标的得分、状态与问题代码（与完整结果相同） */
            indicators: {
                index: number;
                /** @description 十进制数字符串，如 "93.76" */
                score: string;
                /** @enum {string} */
                status: "met" | "partly_met" | "not_met" | "over_achieved" | "qualitative_tier" | "skipped" | "needs_review";
                /** @description 该行问题的代码 */
                findings: string[];
            }[];
        };
        /** @description 回调的一次投递 */
        CallbackAttempt: {
            attempt: number;
            /** @description ISO 8601 时间（UTC） */
            at: string;
            /** @description 接收方的 HTTP 状态码；未得到应答时为 null */
            status: number | null;
            /** @description 失败原因（非 2xx、超时、连接失败）；成功时为 null */
            error: string | null;
            ms: number;
        };
        /** @description 回调的一次投递 */
        CallbackAttemptInput: {
            attempt: number;
            /** @description ISO 8601 时间（UTC） */
            at: string;
            /** @description 接收方的 HTTP 状态码；未得到应答时为 null */
            status: number | null;
            /** @description 失败原因（非 2xx、超时、连接失败）；成功时为 null */
            error: string | null;
            ms: number;
        };
        /** @description 本密钥的回调签名密钥 */
        CallbackSecret: {
            /** @description hex(HMAC-SHA256(API 密钥, "jixiao-callback-v1")) */
            secret: string;
            /** @constant */
            algorithm: "HMAC-SHA256";
            headers: {
                timestamp: string;
                signature: string;
            };
            /** @description 签名的内容：timestamp + "." + 请求体 */
            signed: string;
        };
        /** @description 本密钥的回调签名密钥 */
        CallbackSecretInput: {
            /** @description hex(HMAC-SHA256(API 密钥, "jixiao-callback-v1")) */
            secret: string;
            /** @constant */
            algorithm: "HMAC-SHA256";
            headers: {
                timestamp: string;
                signature: string;
            };
            /** @description 签名的内容：timestamp + "." + 请求体 */
            signed: string;
        };
        /** @description 部门整体支出绩效分析（文字部分） */
        DepartmentAnalysis: {
            /** @description 年度绩效目标完成情况（总体） */
            completion?: string;
            /** @description 主要经验做法：一段文字，或逐条列出（综述中写作“一是…；二是…”） */
            experience?: string | string[];
            /** @description 发现的主要问题及原因：一段文字，或逐条列出（综述中写作“一是…；二是…”） */
            problems?: string | string[];
            /** @description 下一步改进措施：一段文字，或逐条列出（综述中写作“一是…；二是…”） */
            improvements?: string | string[];
        };
        /** @description 部门整体支出绩效分析（文字部分） */
        DepartmentAnalysisInput: {
            /** @description 年度绩效目标完成情况（总体） */
            completion?: string | number;
            /** @description 主要经验做法：一段文字，或逐条列出（综述中写作“一是…；二是…”） */
            experience?: (string | number) | (string | number)[];
            /** @description 发现的主要问题及原因：一段文字，或逐条列出（综述中写作“一是…；二是…”） */
            problems?: (string | number) | (string | number)[];
            /** @description 下一步改进措施：一段文字，或逐条列出（综述中写作“一是…；二是…”） */
            improvements?: (string | number) | (string | number)[];
        };
        /** @description 部门（单位）整体支出的资金核对与目标小计 */
        DepartmentBlock: {
            /** @description 部门（单位）名称 */
            unitName: string;
            /** @description 所用资金类别清单（indicators/department.json） */
            categoryList: {
                id: string;
                name: string;
            };
            /** @description funds.rows 中各资金行对应的类别键；总额行与不在清单中的行为 null */
            categories: {
                index: number;
                key: string | null;
                name: string;
            }[];
            sources: components["schemas"]["DepartmentMoneyTable"] | null;
            directions: components["schemas"]["DepartmentMoneyTable"] | null;
            reconciliation: components["schemas"]["DepartmentReconciliation"][];
            ratioMode: boolean;
            goals: components["schemas"]["DepartmentGoalResult"][];
            analysis: {
                completion: string | null;
                experience: string[];
                problems: string[];
                improvements: string[];
            };
        };
        /** @description 部门（单位）整体支出的资金核对与目标小计 */
        DepartmentBlockInput: {
            /** @description 部门（单位）名称 */
            unitName: string;
            /** @description 所用资金类别清单（indicators/department.json） */
            categoryList: {
                id: string;
                name: string;
            };
            /** @description funds.rows 中各资金行对应的类别键；总额行与不在清单中的行为 null */
            categories: {
                index: number;
                key: string | null;
                name: string;
            }[];
            sources: components["schemas"]["DepartmentMoneyTableInput"] | null;
            directions: components["schemas"]["DepartmentMoneyTableInput"] | null;
            reconciliation: components["schemas"]["DepartmentReconciliationInput"][];
            ratioMode: boolean;
            goals: components["schemas"]["DepartmentGoalResultInput"][];
            analysis: {
                completion: string | null;
                experience: string[];
                problems: string[];
                improvements: string[];
            };
        };
        /** @description 部门（单位）整体支出绩效自评表 */
        DepartmentForm: {
            /**
             * @description 表单类型：department = 部门（单位）整体支出绩效自评表
             * @constant
             */
            kind: "department";
            /** @description 自评信息主键 (eval_id)；批量评分时用于对应结果 */
            id?: string;
            /** @description 评价年度 / 预算年度 (fiscal_year)，如 2022 */
            fiscalYear: number;
            /** @description 财政区划代码 (mof_div_code)，如 140000（山西省）；用于选择适用的评分政策 */
            mofDivCode?: string;
            /** @description 主管部门代码 (dept_code)，如 209 */
            deptCode?: string;
            /** @description 主管部门名称 (dept_name) */
            deptName?: string;
            /** @description 预算单位代码 (agency_code)，如 209100 */
            agencyCode?: string;
            /** @description 部门（单位）名称 (agency_name)：填报整体支出自评的单位；省略时用主管部门名称 */
            agencyName?: string;
            /**
             * @description 金额单位；表单通常为万元，一体化规范表为元
             * @default 万元
             * @enum {string}
             */
            moneyUnit: "万元" | "元";
            funds: components["schemas"]["DepartmentFunds"];
            /** @description 是否启用权重比例模式；省略时，任一目标填了权重比例即启用 */
            ratioMode?: boolean;
            goals: components["schemas"]["DepartmentGoal"][];
            /** @description 填报总分 (total_eval_value) */
            reportedTotal?: unknown;
            /** @description 填报等级：优 / 良 / 中 / 差 */
            reportedGrade?: string;
            analysis?: components["schemas"]["DepartmentAnalysis"];
        };
        /** @description 部门（单位）整体支出绩效自评表 */
        DepartmentFormInput: {
            /**
             * @description 表单类型：department = 部门（单位）整体支出绩效自评表
             * @constant
             */
            kind: "department";
            /** @description 自评信息主键 (eval_id)；批量评分时用于对应结果 */
            id?: string | number;
            /** @description 评价年度 / 预算年度 (fiscal_year)，如 2022 */
            fiscalYear: number | string;
            /** @description 财政区划代码 (mof_div_code)，如 140000（山西省）；用于选择适用的评分政策 */
            mofDivCode?: string | number;
            /** @description 主管部门代码 (dept_code)，如 209 */
            deptCode?: string | number;
            /** @description 主管部门名称 (dept_name) */
            deptName?: string | number;
            /** @description 预算单位代码 (agency_code)，如 209100 */
            agencyCode?: string | number;
            /** @description 部门（单位）名称 (agency_name)：填报整体支出自评的单位；省略时用主管部门名称 */
            agencyName?: string | number;
            /**
             * @description 金额单位；表单通常为万元，一体化规范表为元
             * @default 万元
             * @enum {string}
             */
            moneyUnit: "万元" | "元";
            funds: components["schemas"]["DepartmentFundsInput"];
            /** @description 是否启用权重比例模式；省略时，任一目标填了权重比例即启用 */
            ratioMode?: boolean;
            goals: components["schemas"]["DepartmentGoalInput"][];
            /** @description 填报总分 (total_eval_value) */
            reportedTotal?: number | string | null;
            /** @description 填报等级：优 / 良 / 中 / 差 */
            reportedGrade?: string | number;
            analysis?: components["schemas"]["DepartmentAnalysisInput"];
        };
        /** @description 部门（单位）年度预算执行情况：资金类别、资金来源、资金方向 */
        DepartmentFunds: {
            /** @description 预算执行率分值；省略时取评分政策 department.budgetPoints，再省略时取政策的预算执行率分值（通常10分） */
            points?: unknown;
            /** @description 按资金类别的全年预算数与执行数（人员类 / 运转类公用经费 / 其他运转类 / 特定目标类，或政策所定的本省类别）；可含资金总额行。执行率 = Σ执行数 / Σ全年预算数 */
            rows: components["schemas"]["FundRow"][];
            /** @description 资金来源表（一般公共预算、政府性基金预算 …）；其全年预算数与执行数合计须与资金类别合计一致 */
            sources?: components["schemas"]["FundRow"][];
            /** @description 资金方向表；其全年预算数与执行数合计须与资金类别合计一致 */
            directions?: components["schemas"]["FundRow"][];
        };
        /** @description 部门（单位）年度预算执行情况：资金类别、资金来源、资金方向 */
        DepartmentFundsInput: {
            /** @description 预算执行率分值；省略时取评分政策 department.budgetPoints，再省略时取政策的预算执行率分值（通常10分） */
            points?: number | string | null;
            /** @description 按资金类别的全年预算数与执行数（人员类 / 运转类公用经费 / 其他运转类 / 特定目标类，或政策所定的本省类别）；可含资金总额行。执行率 = Σ执行数 / Σ全年预算数 */
            rows: components["schemas"]["FundRowInput"][];
            /** @description 资金来源表（一般公共预算、政府性基金预算 …）；其全年预算数与执行数合计须与资金类别合计一致 */
            sources?: components["schemas"]["FundRowInput"][];
            /** @description 资金方向表；其全年预算数与执行数合计须与资金类别合计一致 */
            directions?: components["schemas"]["FundRowInput"][];
        };
        /** @description 一项年度目标或重点工作任务及其绩效指标 */
        DepartmentGoal: {
            /**
             * @description 年度目标 或 重点工作任务
             * @default 年度目标
             * @enum {string}
             */
            type: "年度目标" | "重点工作任务";
            /** @description 目标 / 任务名称 */
            name?: string;
            /** @description 年度目标内容 / 任务主要内容 (kpi_target) */
            target?: string;
            /** @description 实际完成情况 (goal_comp) */
            completion?: string;
            /** @description 权重比例（%）：启用权重比例模式时，该目标得分 = 其指标得分合计 × 权重比例 ÷ 100 */
            ratio?: unknown;
            /**
             * @description 该目标下的三级指标，每行与项目自评表的指标行相同
             * @default []
             */
            indicators: components["schemas"]["Indicator"][];
        };
        /** @description 一项年度目标或重点工作任务及其绩效指标 */
        DepartmentGoalInput: {
            /**
             * @description 年度目标 或 重点工作任务
             * @default 年度目标
             * @enum {string}
             */
            type: "年度目标" | "重点工作任务";
            /** @description 目标 / 任务名称 */
            name?: string | number;
            /** @description 年度目标内容 / 任务主要内容 (kpi_target) */
            target?: string | number;
            /** @description 实际完成情况 (goal_comp) */
            completion?: string | number;
            /** @description 权重比例（%）：启用权重比例模式时，该目标得分 = 其指标得分合计 × 权重比例 ÷ 100 */
            ratio?: number | string | null;
            /** @description 该目标下的三级指标，每行与项目自评表的指标行相同 */
            indicators?: components["schemas"]["IndicatorInput"][];
        };
        /** @description 一项年度目标 / 重点工作任务的小计 */
        DepartmentGoalResult: {
            index: number;
            pointer: string;
            /** @enum {string} */
            type: "年度目标" | "重点工作任务";
            name: string;
            target: string | null;
            completion: string | null;
            /** @description 权重比例（%），未启用时为 null */
            ratio: string | null;
            /** @description 该目标下各指标分值合计 */
            points: string;
            /** @description 该目标下各指标得分合计 */
            rawScore: string;
            /** @description 目标得分：权重比例模式下 = rawScore × ratio ÷ 100（按政策舍入），否则 = rawScore */
            score: string;
            /** @description 该目标的指标在 indicators 中的下标 */
            indicators: number[];
            explanation: string;
        };
        /** @description 一项年度目标 / 重点工作任务的小计 */
        DepartmentGoalResultInput: {
            index: number;
            pointer: string;
            /** @enum {string} */
            type: "年度目标" | "重点工作任务";
            name: string;
            target: string | null;
            completion: string | null;
            /** @description 权重比例（%），未启用时为 null */
            ratio: string | null;
            /** @description 该目标下各指标分值合计 */
            points: string;
            /** @description 该目标下各指标得分合计 */
            rawScore: string;
            /** @description 目标得分：权重比例模式下 = rawScore × ratio ÷ 100（按政策舍入），否则 = rawScore */
            score: string;
            /** @description 该目标的指标在 indicators 中的下标 */
            indicators: number[];
            explanation: string;
        };
        /** @description 资金来源表或资金方向表 */
        DepartmentMoneyTable: {
            /** @description 全年预算数合计（有合计行时取合计行） */
            budget: string;
            /** @description 全年执行数合计 */
            executed: string;
            /** @enum {string} */
            basis: "total_row" | "sum_of_rows";
            rows: {
                index: number;
                pointer: string;
                name: string;
                isTotal: boolean;
                budget: string | null;
                executed: string | null;
            }[];
        };
        /** @description 资金来源表或资金方向表 */
        DepartmentMoneyTableInput: {
            /** @description 全年预算数合计（有合计行时取合计行） */
            budget: string;
            /** @description 全年执行数合计 */
            executed: string;
            /** @enum {string} */
            basis: "total_row" | "sum_of_rows";
            rows: {
                index: number;
                pointer: string;
                name: string;
                isTotal: boolean;
                budget: string | null;
                executed: string | null;
            }[];
        };
        /** @description 资金来源 / 资金方向与资金类别合计的核对（规则 42） */
        DepartmentReconciliation: {
            /** @enum {string} */
            table: "sources" | "directions";
            /** @enum {string} */
            field: "budget" | "executed";
            /** @description 不一致时问题所指的单元格（合计行的该列，无合计行时为该表） */
            pointer: string;
            /** @description 十进制数字符串 */
            sum: string;
            /** @description 资金类别合计（执行率所用的数） */
            expected: string;
            equal: boolean;
        };
        /** @description 资金来源 / 资金方向与资金类别合计的核对（规则 42） */
        DepartmentReconciliationInput: {
            /** @enum {string} */
            table: "sources" | "directions";
            /** @enum {string} */
            field: "budget" | "executed";
            /** @description 不一致时问题所指的单元格（合计行的该列，无合计行时为该表） */
            pointer: string;
            /** @description 十进制数字符串 */
            sum: string;
            /** @description 资金类别合计（执行率所用的数） */
            expected: string;
            equal: boolean;
        };
        /** @description 部门评价的一个项目（由部门提供） */
        DeptEvaluation: {
            /** @description 项目名称 */
            name: string;
            /**
             * @description 项目级次：一级或二级（默认二级）
             * @enum {string}
             */
            level?: "一" | "二";
            /** @description 涉及资金（万元） */
            funds: string;
            /** @description 评价得分 */
            score?: string;
            /** @description 评价等级 */
            grade?: string;
            /** @description 评价结果概述 */
            summary?: string;
        };
        /** @description 部门评价的一个项目（由部门提供） */
        DeptEvaluationInput: {
            /** @description 项目名称 */
            name: string;
            /**
             * @description 项目级次：一级或二级（默认二级）
             * @enum {string}
             */
            level?: "一" | "二";
            /** @description 涉及资金（万元） */
            funds: string;
            /** @description 评价得分 */
            score?: string;
            /** @description 评价等级 */
            grade?: string;
            /** @description 评价结果概述 */
            summary?: string;
        };
        /** @description 决算公开段落及其数字 */
        Disclosure: {
            year: number;
            unit: string;
            unitName: string | null;
            projects: number;
            /** @description 十进制数字符串 */
            funds: string;
            /** @constant */
            moneyUnit: "万元";
            spending: string | null;
            /** @description 占项目支出总额的百分比（两位小数） */
            share: string | null;
            grades: {
                [key: string]: number;
            };
            /** @description “预算绩效管理工作开展情况”段落 */
            paragraph: string;
        };
        /** @description 预算绩效情况说明全文（第（1）至（5）部分）及各数字的来源（JSON 伴随文件） */
        DisclosureDocument: {
            year: number;
            code: string;
            name: string;
            /** @constant */
            moneyUnit: "万元";
            title: string;
            sections: {
                /** @enum {string} */
                key: "1" | "2" | "3" | "4" | "5";
                title: string;
                paragraphs: string[];
            }[];
            figures: {
                projects: components["schemas"]["Figure"];
                projectFunds: components["schemas"]["Figure"];
                generalBudgetFunds: components["schemas"]["Figure"];
                spending: components["schemas"]["Figure"] | null;
                share: components["schemas"]["Figure"] | null;
                grades: {
                    [key: string]: components["schemas"]["Figure"];
                };
                published: {
                    index: number;
                    proName: string;
                    /** @description 十进制数字符串 */
                    total: string;
                    source: components["schemas"]["SourceRef"];
                }[];
                departmentWide: {
                    /** @description 是否已存储部门（单位）整体支出绩效自评表 */
                    present: boolean;
                    total: components["schemas"]["Figure"];
                    budget: components["schemas"]["Figure"];
                    executed: components["schemas"]["Figure"];
                    rate: components["schemas"]["Figure"];
                    /** @description 全年预算数按预算类别（资金来源表） */
                    budgetTypes: {
                        [key: string]: components["schemas"]["Figure"];
                    } | null;
                };
                deptEvaluated: {
                    count: components["schemas"]["Figure"];
                    funds: components["schemas"]["Figure"];
                };
            };
            /** @description 数据未载明之处的处理 */
            notes: string[];
            /** @description 全文（纯文本） */
            text: string;
            /** @description 尚无评分快照、未计入的自评表 */
            unscored: components["schemas"]["SourceRef"][];
        };
        /** @description 预算绩效情况说明全文（第（1）至（5）部分）及各数字的来源（JSON 伴随文件） */
        DisclosureDocumentInput: {
            year: number;
            code: string;
            name: string;
            /** @constant */
            moneyUnit: "万元";
            title: string;
            sections: {
                /** @enum {string} */
                key: "1" | "2" | "3" | "4" | "5";
                title: string;
                paragraphs: string[];
            }[];
            figures: {
                projects: components["schemas"]["FigureInput"];
                projectFunds: components["schemas"]["FigureInput"];
                generalBudgetFunds: components["schemas"]["FigureInput"];
                spending: components["schemas"]["FigureInput"] | null;
                share: components["schemas"]["FigureInput"] | null;
                grades: {
                    [key: string]: components["schemas"]["FigureInput"];
                };
                published: {
                    index: number;
                    proName: string;
                    /** @description 十进制数字符串 */
                    total: string;
                    source: components["schemas"]["SourceRefInput"];
                }[];
                departmentWide: {
                    /** @description 是否已存储部门（单位）整体支出绩效自评表 */
                    present: boolean;
                    total: components["schemas"]["FigureInput"];
                    budget: components["schemas"]["FigureInput"];
                    executed: components["schemas"]["FigureInput"];
                    rate: components["schemas"]["FigureInput"];
                    /** @description 全年预算数按预算类别（资金来源表） */
                    budgetTypes: {
                        [key: string]: components["schemas"]["FigureInput"];
                    } | null;
                };
                deptEvaluated: {
                    count: components["schemas"]["FigureInput"];
                    funds: components["schemas"]["FigureInput"];
                };
            };
            /** @description 数据未载明之处的处理 */
            notes: string[];
            /** @description 全文（纯文本） */
            text: string;
            /** @description 尚无评分快照、未计入的自评表 */
            unscored: components["schemas"]["SourceRefInput"][];
        };
        DisclosureDocumentRequest: {
            /** @description 年度 */
            year: number;
            /** @description 单位代码（按预算单位出具）；单位密钥可省略（即本单位） */
            unit?: string;
            /** @description 部门代码（按主管部门出具，含其所属单位）；部门密钥可省略（即本部门） */
            department?: string;
            /**
             * @description json（默认：文本、分段与各数字的来源）、text（纯文本）或 html（可打印）；也可用 Accept 头
             * @enum {string}
             */
            format?: "json" | "text" | "html";
            /** @description 本部门（单位）项目支出总额（万元） */
            spending?: string;
            /** @description 对自评结果为“中”和“差”的项目采取的改进管理措施 */
            measures?: string;
            /** @description 其他需要说明的事项 */
            other?: string;
            /** @description 部门评价项目（第（4）部分）；省略为“无” */
            deptEvaluations?: components["schemas"]["DeptEvaluation"][];
        };
        DisclosureDocumentRequestInput: {
            /** @description 年度 */
            year: number;
            /** @description 单位代码（按预算单位出具）；单位密钥可省略（即本单位） */
            unit?: string;
            /** @description 部门代码（按主管部门出具，含其所属单位）；部门密钥可省略（即本部门） */
            department?: string;
            /**
             * @description json（默认：文本、分段与各数字的来源）、text（纯文本）或 html（可打印）；也可用 Accept 头
             * @enum {string}
             */
            format?: "json" | "text" | "html";
            /** @description 本部门（单位）项目支出总额（万元） */
            spending?: string;
            /** @description 对自评结果为“中”和“差”的项目采取的改进管理措施 */
            measures?: string;
            /** @description 其他需要说明的事项 */
            other?: string;
            /** @description 部门评价项目（第（4）部分）；省略为“无” */
            deptEvaluations?: components["schemas"]["DeptEvaluationInput"][];
        };
        /** @description 决算公开段落及其数字 */
        DisclosureInput: {
            year: number;
            unit: string;
            unitName: string | null;
            projects: number;
            /** @description 十进制数字符串 */
            funds: string;
            /** @constant */
            moneyUnit: "万元";
            spending: string | null;
            /** @description 占项目支出总额的百分比（两位小数） */
            share: string | null;
            grades: {
                [key: string]: number;
            };
            /** @description “预算绩效管理工作开展情况”段落 */
            paragraph: string;
        };
        /** @description ?envelope=1 或 ENVELOPE=1 时的统一包装 */
        Envelope: {
            /** @description 0 = 成功；否则为 HTTP 状态码（问题代码见 data.code） */
            code: number;
            /** @description “成功”，或问题的 detail（按应答语言） */
            msg: string;
            /** @description 成功时为原应答体；出错时为 RFC 9457 问题 */
            data: unknown;
        };
        /** @description ?envelope=1 或 ENVELOPE=1 时的统一包装 */
        EnvelopeInput: {
            /** @description 0 = 成功；否则为 HTTP 状态码（问题代码见 data.code） */
            code: number;
            /** @description “成功”，或问题的 detail（按应答语言） */
            msg: string;
            /** @description 成功时为原应答体；出错时为 RFC 9457 问题 */
            data: unknown;
        };
        /** @description 文中的一个数字及其来源 */
        Figure: {
            value: string;
            sources: components["schemas"]["SourceRef"][];
            /** @description 取得方式 */
            basis?: string;
        };
        /** @description 文中的一个数字及其来源 */
        FigureInput: {
            value: string;
            sources: components["schemas"]["SourceRefInput"][];
            /** @description 取得方式 */
            basis?: string;
        };
        /** @description 问题：稳定代码 + JSON 指针 + 中文说明 */
        Finding: {
            /** @enum {string} */
            code: "REQUIRED" | "INVALID_TYPE" | "NOT_A_NUMBER" | "NEGATIVE_NUMBER" | "MONEY_UNIT_MISMATCH" | "EMPTY_TEXT" | "TEXT_TOO_LONG" | "INVALID_VALUE" | "INVALID_YEAR" | "INVALID_CODE" | "EMPTY_INDICATORS" | "EMPTY_FUNDS" | "VALUE_OUT_OF_RANGE" | "TOO_MANY_ITEMS" | "NOT_AN_OBJECT" | "REVIEW_REASON_REQUIRED" | "REVIEW_INDICATOR_UNKNOWN" | "REVIEW_INDICATOR_AMBIGUOUS" | "REVIEW_INDICATOR_TWICE" | "REVIEW_SCORE_OUT_OF_RANGE" | "UNSAFE_INTEGER" | "STANDARD_KEY_MISMATCH" | "WEIGHT_SUM" | "LEVEL_POINTS_DEVIATE" | "TOTAL_MISMATCH" | "GRADE_MISMATCH" | "SCORE_MISMATCH" | "EXEC_RATE_MISMATCH" | "EXEC_RATE_ROUNDED" | "EXEC_RATE_NOT_REPORTED" | "EXEC_SCORE_MISMATCH" | "BALANCE_MISMATCH" | "FUNDS_SUM_MISMATCH" | "BUDGET_FROM_PARTS" | "EXEC_RATE_OVER_100" | "ZERO_BUDGET" | "EXEC_WITHOUT_BUDGET" | "FUNDS_FIGURE_MISSING" | "FUNDS_ROW_FIGURE_MISSING" | "FUNDS_TOTAL_CONFLICT" | "BUDGET_PARTS_MISMATCH" | "FUNDS_UNIT_SUSPECT" | "LOW_EXEC_REASON_REQUIRED" | "POLICY_YEAR_FALLBACK" | "FUND_TABLES_MISMATCH" | "DEPT_CATEGORY_UNKNOWN" | "GOAL_RATIO_SUM" | "TARGET_MISSING" | "ACTUAL_MISSING" | "ACTUAL_NOT_NUMERIC" | "ACTUAL_HAS_OPERATOR" | "ACTUAL_NEGATIVE" | "UNIT_MISMATCH" | "UNIT_CONVERTED" | "UNIT_UNKNOWN" | "TARGET_UNPARSED" | "ROW_NOT_APPLICABLE" | "OPERATOR_NOT_AUTOSCORED" | "OPERATOR_INFERRED" | "OPERATOR_CONFLICT" | "DATE_TARGET" | "OVERACHIEVED" | "REASON_REQUIRED" | "QUAL_TIER_UNKNOWN" | "QUAL_TIER_INFERRED" | "NEEDS_MANUAL_SCORE" | "QUAL_SCORE_OUT_OF_RANGE" | "QUAL_SCORE_FROM_REPORTED" | "MANUAL_SCORE_NOT_ALLOWED" | "SCORE_OUT_OF_RANGE" | "DEDUCTION_NOT_ALLOWED" | "DEDUCTION_WITHOUT_REASON" | "COST_ROW_CAPPED" | "ROW_SKIPPED" | "ROW_BLANK" | "ANSWER_MISMATCH" | "ANSWER_UNCLEAR" | "ABOVE_RANGE" | "NEGATIVE_TARGET_MISSED" | "STRICT_OPERATOR_NOT_MET" | "VALUE_AMBIGUOUS" | "TARGET_APPROXIMATE" | "ACTUAL_NOT_EXACT" | "QUAL_MEANING_CONFLICT" | "DUPLICATE_INDICATOR" | "LEVEL_UNKNOWN" | "RENORMALISED" | "POSSIBLE_DOUBLE_COUNT" | "UNKNOWN_FIELD" | "STANDARD_FIELD_CONFLICT" | "UNKNOWN_FIELDS_MORE" | "REVIEW_ACTUAL_CHANGED" | "REVIEW_SCORE_CHANGED" | "REVIEW_SCORE_VS_COMPUTED" | "REVIEW_TOTAL_CHANGED" | "REVIEW_TOTAL_VS_COMPUTED" | "REVIEW_GRADE_MISMATCH" | "REVIEW_RULE_APPLIED" | "REVIEW_RULE_NOT_APPLIED" | "IMPORT_SHEET_NOT_FOUND" | "IMPORT_NO_FORM" | "IMPORT_HEADER_MISSING" | "IMPORT_CELL_UNREADABLE" | "IMPORT_FORMULA_NO_RESULT" | "IMPORT_TOO_MANY_ROWS" | "IMPORT_EMPTY_SHEET" | "IMPORT_NOT_XLSX" | "IMPORT_ENCRYPTED" | "IMPORT_TOO_LARGE" | "IMPORT_SHEET_SKIPPED" | "IMPORT_REGION_INFERRED" | "IMPORT_VALUE_NORMALISED" | "IMPORT_FORM_INCOMPLETE" | "IMPORT_ROW_SKIPPED" | "IMPORT_CELL_IGNORED" | "IMPORT_MONEY_UNIT_ASSUMED" | "IMPORT_MONEY_UNIT_CONFLICT" | "IMPORT_HIDDEN_READ" | "INVALID_FORM" | "INVALID_REVIEW" | "INVALID_JSON" | "INVALID_UTF8" | "JSON_TOO_DEEP" | "EMPTY_BODY" | "BODY_TOO_LARGE" | "LINE_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "NOT_ACCEPTABLE" | "BAD_REQUEST" | "NOT_FOUND" | "BAD_CURSOR" | "METHOD_NOT_ALLOWED" | "REQUEST_TIMEOUT" | "URI_TOO_LONG" | "EXPECTATION_FAILED" | "HEADERS_TOO_LARGE" | "MULTIPART_LIMIT" | "UNKNOWN_POLICY" | "UNAUTHORIZED" | "FORBIDDEN" | "CONFLICT" | "TOO_MANY_REQUESTS" | "SERVICE_UNAVAILABLE" | "INTERNAL" | "JOB_TOO_LARGE" | "JOB_LIMIT" | "JOB_FINISHED" | "CALLBACK_NOT_ALLOWED" | "TARGET_EMPTY" | "TARGET_NOT_MEASURABLE" | "TARGET_NO_UNIT" | "TARGET_NO_OPERATOR" | "TARGET_AMBIGUOUS";
            /** @enum {string} */
            severity: "error" | "warning" | "info";
            /** @description RFC 6901 JSON pointer into the submitted form */
            pointer: string;
            message: string;
            params: {
                [key: string]: string;
            };
            /** @description Excel 单元格，如 "Sheet1!H14"（仅导入时） */
            cell?: string;
        };
        /** @description 问题：稳定代码 + JSON 指针 + 中文说明 */
        FindingInput: {
            /** @enum {string} */
            code: "REQUIRED" | "INVALID_TYPE" | "NOT_A_NUMBER" | "NEGATIVE_NUMBER" | "MONEY_UNIT_MISMATCH" | "EMPTY_TEXT" | "TEXT_TOO_LONG" | "INVALID_VALUE" | "INVALID_YEAR" | "INVALID_CODE" | "EMPTY_INDICATORS" | "EMPTY_FUNDS" | "VALUE_OUT_OF_RANGE" | "TOO_MANY_ITEMS" | "NOT_AN_OBJECT" | "REVIEW_REASON_REQUIRED" | "REVIEW_INDICATOR_UNKNOWN" | "REVIEW_INDICATOR_AMBIGUOUS" | "REVIEW_INDICATOR_TWICE" | "REVIEW_SCORE_OUT_OF_RANGE" | "UNSAFE_INTEGER" | "STANDARD_KEY_MISMATCH" | "WEIGHT_SUM" | "LEVEL_POINTS_DEVIATE" | "TOTAL_MISMATCH" | "GRADE_MISMATCH" | "SCORE_MISMATCH" | "EXEC_RATE_MISMATCH" | "EXEC_RATE_ROUNDED" | "EXEC_RATE_NOT_REPORTED" | "EXEC_SCORE_MISMATCH" | "BALANCE_MISMATCH" | "FUNDS_SUM_MISMATCH" | "BUDGET_FROM_PARTS" | "EXEC_RATE_OVER_100" | "ZERO_BUDGET" | "EXEC_WITHOUT_BUDGET" | "FUNDS_FIGURE_MISSING" | "FUNDS_ROW_FIGURE_MISSING" | "FUNDS_TOTAL_CONFLICT" | "BUDGET_PARTS_MISMATCH" | "FUNDS_UNIT_SUSPECT" | "LOW_EXEC_REASON_REQUIRED" | "POLICY_YEAR_FALLBACK" | "FUND_TABLES_MISMATCH" | "DEPT_CATEGORY_UNKNOWN" | "GOAL_RATIO_SUM" | "TARGET_MISSING" | "ACTUAL_MISSING" | "ACTUAL_NOT_NUMERIC" | "ACTUAL_HAS_OPERATOR" | "ACTUAL_NEGATIVE" | "UNIT_MISMATCH" | "UNIT_CONVERTED" | "UNIT_UNKNOWN" | "TARGET_UNPARSED" | "ROW_NOT_APPLICABLE" | "OPERATOR_NOT_AUTOSCORED" | "OPERATOR_INFERRED" | "OPERATOR_CONFLICT" | "DATE_TARGET" | "OVERACHIEVED" | "REASON_REQUIRED" | "QUAL_TIER_UNKNOWN" | "QUAL_TIER_INFERRED" | "NEEDS_MANUAL_SCORE" | "QUAL_SCORE_OUT_OF_RANGE" | "QUAL_SCORE_FROM_REPORTED" | "MANUAL_SCORE_NOT_ALLOWED" | "SCORE_OUT_OF_RANGE" | "DEDUCTION_NOT_ALLOWED" | "DEDUCTION_WITHOUT_REASON" | "COST_ROW_CAPPED" | "ROW_SKIPPED" | "ROW_BLANK" | "ANSWER_MISMATCH" | "ANSWER_UNCLEAR" | "ABOVE_RANGE" | "NEGATIVE_TARGET_MISSED" | "STRICT_OPERATOR_NOT_MET" | "VALUE_AMBIGUOUS" | "TARGET_APPROXIMATE" | "ACTUAL_NOT_EXACT" | "QUAL_MEANING_CONFLICT" | "DUPLICATE_INDICATOR" | "LEVEL_UNKNOWN" | "RENORMALISED" | "POSSIBLE_DOUBLE_COUNT" | "UNKNOWN_FIELD" | "STANDARD_FIELD_CONFLICT" | "UNKNOWN_FIELDS_MORE" | "REVIEW_ACTUAL_CHANGED" | "REVIEW_SCORE_CHANGED" | "REVIEW_SCORE_VS_COMPUTED" | "REVIEW_TOTAL_CHANGED" | "REVIEW_TOTAL_VS_COMPUTED" | "REVIEW_GRADE_MISMATCH" | "REVIEW_RULE_APPLIED" | "REVIEW_RULE_NOT_APPLIED" | "IMPORT_SHEET_NOT_FOUND" | "IMPORT_NO_FORM" | "IMPORT_HEADER_MISSING" | "IMPORT_CELL_UNREADABLE" | "IMPORT_FORMULA_NO_RESULT" | "IMPORT_TOO_MANY_ROWS" | "IMPORT_EMPTY_SHEET" | "IMPORT_NOT_XLSX" | "IMPORT_ENCRYPTED" | "IMPORT_TOO_LARGE" | "IMPORT_SHEET_SKIPPED" | "IMPORT_REGION_INFERRED" | "IMPORT_VALUE_NORMALISED" | "IMPORT_FORM_INCOMPLETE" | "IMPORT_ROW_SKIPPED" | "IMPORT_CELL_IGNORED" | "IMPORT_MONEY_UNIT_ASSUMED" | "IMPORT_MONEY_UNIT_CONFLICT" | "IMPORT_HIDDEN_READ" | "INVALID_FORM" | "INVALID_REVIEW" | "INVALID_JSON" | "INVALID_UTF8" | "JSON_TOO_DEEP" | "EMPTY_BODY" | "BODY_TOO_LARGE" | "LINE_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "NOT_ACCEPTABLE" | "BAD_REQUEST" | "NOT_FOUND" | "BAD_CURSOR" | "METHOD_NOT_ALLOWED" | "REQUEST_TIMEOUT" | "URI_TOO_LONG" | "EXPECTATION_FAILED" | "HEADERS_TOO_LARGE" | "MULTIPART_LIMIT" | "UNKNOWN_POLICY" | "UNAUTHORIZED" | "FORBIDDEN" | "CONFLICT" | "TOO_MANY_REQUESTS" | "SERVICE_UNAVAILABLE" | "INTERNAL" | "JOB_TOO_LARGE" | "JOB_LIMIT" | "JOB_FINISHED" | "CALLBACK_NOT_ALLOWED" | "TARGET_EMPTY" | "TARGET_NOT_MEASURABLE" | "TARGET_NO_UNIT" | "TARGET_NO_OPERATOR" | "TARGET_AMBIGUOUS";
            /** @enum {string} */
            severity: "error" | "warning" | "info";
            /** @description RFC 6901 JSON pointer into the submitted form */
            pointer: string;
            message: string;
            params: {
                [key: string]: string;
            };
            /** @description Excel 单元格，如 "Sheet1!H14"（仅导入时） */
            cell?: string;
        };
        /** @description 项目资金的一行 (PM_PERF_SELF_BGT) */
        FundRow: {
            /** @description 资金行名称：资金总额 / 省级财政资金 / 本年财政拨款 / 上年结转资金 / 其他资金 (found_type_name) */
            name: string;
            /** @description 资金来源代码 found_type_code */
            foundTypeCode?: string;
            /** @description 是否为资金总额行；省略时按名称识别（资金总额、年度资金总额、总额、合计） */
            isTotal?: boolean;
            /** @description 目标申报数（山西：年初预算数项下，与预算编制数并列；不参与计算） */
            declared?: unknown;
            /** @description 年初预算数 / 预算编制数 (reply_amt) */
            initial?: unknown;
            /** @description 年度调整金额 (year_adj_amt)，可为负 */
            adjustment?: unknown;
            /** @description 全年预算数 / 调整后预算数 (cur_amt)：执行率的分母；省略时取年初预算数 + 调整数 */
            budget?: unknown;
            /** @description 全年执行数 (year_exe_amt) */
            executed?: unknown;
            /** @description 填报的资金结（转）余 */
            reportedBalance?: unknown;
            /** @description 填报的执行率，百分数（87.61 或 "87.61%"）(exe_amt_rate) */
            reportedRate?: unknown;
            /** @description 填报的执行率得分 (exe_score) */
            reportedScore?: unknown;
            /** @description 执行率偏低或预算调整的原因说明 */
            reason?: string;
        };
        /** @description 项目资金的一行 (PM_PERF_SELF_BGT) */
        FundRowInput: {
            /** @description 资金行名称：资金总额 / 省级财政资金 / 本年财政拨款 / 上年结转资金 / 其他资金 (found_type_name) */
            name: string | number;
            /** @description 资金来源代码 found_type_code */
            foundTypeCode?: string | number;
            /** @description 是否为资金总额行；省略时按名称识别（资金总额、年度资金总额、总额、合计） */
            isTotal?: boolean;
            /** @description 目标申报数（山西：年初预算数项下，与预算编制数并列；不参与计算） */
            declared?: number | string | null;
            /** @description 年初预算数 / 预算编制数 (reply_amt) */
            initial?: number | string | null;
            /** @description 年度调整金额 (year_adj_amt)，可为负 */
            adjustment?: number | string | null;
            /** @description 全年预算数 / 调整后预算数 (cur_amt)：执行率的分母；省略时取年初预算数 + 调整数 */
            budget?: number | string | null;
            /** @description 全年执行数 (year_exe_amt) */
            executed?: number | string | null;
            /** @description 填报的资金结（转）余 */
            reportedBalance?: number | string | null;
            /** @description 填报的执行率，百分数（87.61 或 "87.61%"）(exe_amt_rate) */
            reportedRate?: number | string | null;
            /** @description 填报的执行率得分 (exe_score) */
            reportedScore?: number | string | null;
            /** @description 执行率偏低或预算调整的原因说明 */
            reason?: string | number;
        };
        /** @description 项目资金预算安排及执行情况 */
        Funds: {
            /** @description 预算执行率分值；省略时取评分政策的默认值（通常10分） */
            points?: unknown;
            rows: components["schemas"]["FundRow"][];
        };
        /** @description 项目资金预算安排及执行情况 */
        FundsInput: {
            /** @description 预算执行率分值；省略时取评分政策的默认值（通常10分） */
            points?: number | string | null;
            rows: components["schemas"]["FundRowInput"][];
        };
        /** @description 预算执行率及其得分 */
        FundsResult: {
            /** @description 十进制数字符串，如 "93.76" */
            points: string;
            /** @description 全年预算数（执行率分母） */
            budget: string;
            /** @description 十进制数字符串，如 "93.76" */
            executed: string;
            /** @description 资金结（转）余 = 全年预算数 − 全年执行数 */
            balance: string;
            /** @description 执行率（百分数） */
            rate: string | null;
            /** @description 十进制数字符串，如 "93.76" */
            score: string;
            /** @enum {string} */
            basis: "total_row" | "sum_of_rows";
            /** @enum {string} */
            method: "linear" | "tiered";
            capped: boolean;
            moneyUnit: string;
            explanation: string;
            rows: {
                index: number;
                pointer: string;
                name: string;
                isTotal: boolean;
                budget: string | null;
                executed: string | null;
                balance: string | null;
                rate: string | null;
                score: string | null;
                reported: {
                    rate: string | null;
                    balance: string | null;
                    score: string | null;
                };
            }[];
        };
        /** @description 预算执行率及其得分 */
        FundsResultInput: {
            /** @description 十进制数字符串，如 "93.76" */
            points: string;
            /** @description 全年预算数（执行率分母） */
            budget: string;
            /** @description 十进制数字符串，如 "93.76" */
            executed: string;
            /** @description 资金结（转）余 = 全年预算数 − 全年执行数 */
            balance: string;
            /** @description 执行率（百分数） */
            rate: string | null;
            /** @description 十进制数字符串，如 "93.76" */
            score: string;
            /** @enum {string} */
            basis: "total_row" | "sum_of_rows";
            /** @enum {string} */
            method: "linear" | "tiered";
            capped: boolean;
            moneyUnit: string;
            explanation: string;
            rows: {
                index: number;
                pointer: string;
                name: string;
                isTotal: boolean;
                budget: string | null;
                executed: string | null;
                balance: string | null;
                rate: string | null;
                score: string | null;
                reported: {
                    rate: string | null;
                    balance: string | null;
                    score: string | null;
                };
            }[];
        };
        /** @description 项目年度绩效目标 (PM_SELF_EVAL_GOAL) */
        Goal: {
            /** @description 年度目标 / 预期目标 (kpi_target) */
            target?: string;
            /** @description 实际完成情况 (goal_comp) */
            completion?: string;
        };
        /** @description 项目年度绩效目标 (PM_SELF_EVAL_GOAL) */
        GoalInput: {
            /** @description 年度目标 / 预期目标 (kpi_target) */
            target?: string | number;
            /** @description 实际完成情况 (goal_comp) */
            completion?: string | number;
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        HealthInput: {
            /** @constant */
            status: "ok";
        };
        /** @description POST /v1/import 的应答 */
        ImportAnswer: {
            forms: components["schemas"]["ImportedForm"][];
            /** @description 整个工作簿的问题（如跳过的工作表） */
            findings: components["schemas"]["Finding"][];
        };
        /** @description POST /v1/import 的应答 */
        ImportAnswerInput: {
            forms: components["schemas"]["ImportedFormInput"][];
            /** @description 整个工作簿的问题（如跳过的工作表） */
            findings: components["schemas"]["FindingInput"][];
        };
        /** @description 从一张工作表读出的表单及其评分 */
        ImportedForm: {
            /** @description 工作表名称 */
            sheet: string;
            /**
             * @description 识别出的表样（department：部门整体支出绩效自评表）
             * @enum {string}
             */
            layout: "shanxi" | "sichuan" | "central" | "jixiao" | "department";
            /** @description 读出的表单 */
            form: components["schemas"]["AnyForm"];
            /** @description JSON 指针 → 单元格（如 "Sheet1!H14"） */
            cells: {
                [key: string]: string;
            };
            /** @description 读入时的问题（带 cell） */
            findings: components["schemas"]["Finding"][];
            /** @description 评分结果（score 未关闭且表单有效时） */
            result?: components["schemas"]["ScoreResult"];
            /** @description 表单无效时的问题（带 cell） */
            problems?: components["schemas"]["Finding"][];
        };
        /** @description 从一张工作表读出的表单及其评分 */
        ImportedFormInput: {
            /** @description 工作表名称 */
            sheet: string;
            /**
             * @description 识别出的表样（department：部门整体支出绩效自评表）
             * @enum {string}
             */
            layout: "shanxi" | "sichuan" | "central" | "jixiao" | "department";
            /** @description 读出的表单 */
            form: components["schemas"]["AnyFormInput"];
            /** @description JSON 指针 → 单元格（如 "Sheet1!H14"） */
            cells: {
                [key: string]: string;
            };
            /** @description 读入时的问题（带 cell） */
            findings: components["schemas"]["FindingInput"][];
            /** @description 评分结果（score 未关闭且表单有效时） */
            result?: components["schemas"]["ScoreResultInput"];
            /** @description 表单无效时的问题（带 cell） */
            problems?: components["schemas"]["FindingInput"][];
        };
        /** @description 三级绩效指标一行 (PM_SELF_EVAL_INDICATOR) */
        Indicator: {
            /** @description 自评指标主键 eval_ind_id 或绩效指标主键 kpi_id */
            id?: string;
            /** @description 一级指标名称 (lv1_perf_ind_name)：产出指标 / 效益指标 / 满意度指标 / 成本指标 */
            level1?: string;
            /** @description 一级指标代码 (lv1_perf_ind_code)，各省框架代码 */
            level1Code?: string;
            /** @description 二级指标名称 (lv2_perf_ind_name)：数量指标 / 质量指标 / 时效指标 / 成本指标 / 社会效益指标 … */
            level2?: string;
            /** @description 二级指标代码 (lv2_perf_ind_code) */
            level2Code?: string;
            /** @description 三级指标名称 (lv3_perf_ind_name)；整行留空（无名称、指标值、实际完成值和分值）的模板行不评分 */
            name?: string;
            /** @description 三级指标代码 (lv3_perf_ind_code) */
            code?: string;
            /** @description 分值 / 权重 (ind_weight)；评分的行必填，空行与山西调整后指标值已清空的行可不填 */
            points?: unknown;
            /** @description 年初指标值（山西版式） */
            initialTarget?: string;
            /** @description 年度指标值 / 调整后指标值 (kpi_val)，如 "≥95%"、"=0次"、"≤90万元"、"及时" */
            target?: string;
            /** @description 指标性质 / 计算符号（四川版式的单独一列）："≥"、"≤"、"="、"定性"，或代码 1–6 */
            operator?: string;
            /** @description 度量单位（四川版式的单独一列） */
            unit?: string;
            /** @description 实际完成值 (ind_comp)，如 "98%"、"≥99%"、"达成预期指标" */
            actual?: string;
            /** @description 填报得分 (eval_score) */
            reportedScore?: unknown;
            /** @description 偏差原因分析及改进措施 (devi_analy) */
            deviationNote?: string;
            /** @description 人工评分：定性指标档内分值，或超额完成时按偏离度调整后的分值 */
            manualScore?: unknown;
            /** @description 人工扣减分数（按偏离度适度调减） */
            deduction?: unknown;
            /** @description 扣减理由 */
            deductionReason?: string;
            /** @description 评（扣）分标准 (kpi_evalstd) */
            evalStd?: string;
            /** @description 山西系统自动插入的默认成本指标（指标值“未填报”）；省略时按指标值识别 */
            isDefaultCostRow?: boolean;
        };
        /** @description 三级绩效指标一行 (PM_SELF_EVAL_INDICATOR) */
        IndicatorInput: {
            /** @description 自评指标主键 eval_ind_id 或绩效指标主键 kpi_id */
            id?: string | number;
            /** @description 一级指标名称 (lv1_perf_ind_name)：产出指标 / 效益指标 / 满意度指标 / 成本指标 */
            level1?: string | number;
            /** @description 一级指标代码 (lv1_perf_ind_code)，各省框架代码 */
            level1Code?: string | number;
            /** @description 二级指标名称 (lv2_perf_ind_name)：数量指标 / 质量指标 / 时效指标 / 成本指标 / 社会效益指标 … */
            level2?: string | number;
            /** @description 二级指标代码 (lv2_perf_ind_code) */
            level2Code?: string | number;
            /** @description 三级指标名称 (lv3_perf_ind_name)；整行留空（无名称、指标值、实际完成值和分值）的模板行不评分 */
            name?: string | number;
            /** @description 三级指标代码 (lv3_perf_ind_code) */
            code?: string | number;
            /** @description 分值 / 权重 (ind_weight)；评分的行必填，空行与山西调整后指标值已清空的行可不填 */
            points?: number | string | null;
            /** @description 年初指标值（山西版式） */
            initialTarget?: string | number;
            /** @description 年度指标值 / 调整后指标值 (kpi_val)，如 "≥95%"、"=0次"、"≤90万元"、"及时" */
            target?: string | number;
            /** @description 指标性质 / 计算符号（四川版式的单独一列）："≥"、"≤"、"="、"定性"，或代码 1–6 */
            operator?: string | number;
            /** @description 度量单位（四川版式的单独一列） */
            unit?: string | number;
            /** @description 实际完成值 (ind_comp)，如 "98%"、"≥99%"、"达成预期指标" */
            actual?: string | number;
            /** @description 填报得分 (eval_score) */
            reportedScore?: number | string | null;
            /** @description 偏差原因分析及改进措施 (devi_analy) */
            deviationNote?: string | number;
            /** @description 人工评分：定性指标档内分值，或超额完成时按偏离度调整后的分值 */
            manualScore?: number | string | null;
            /** @description 人工扣减分数（按偏离度适度调减） */
            deduction?: number | string | null;
            /** @description 扣减理由 */
            deductionReason?: string | number;
            /** @description 评（扣）分标准 (kpi_evalstd) */
            evalStd?: string | number;
            /** @description 山西系统自动插入的默认成本指标（指标值“未填报”）；省略时按指标值识别 */
            isDefaultCostRow?: boolean;
        };
        /** @description 一个三级指标的计算结果及其依据 */
        IndicatorResult: {
            index: number;
            pointer: string;
            level1: string;
            level2: string;
            name: string;
            level1Key: string | null;
            level2Key: string | null;
            /** @description 十进制数字符串，如 "93.76" */
            points: string;
            target: components["schemas"]["ParsedValue"];
            actual: components["schemas"]["ParsedValue"];
            direction: ("positive" | "reverse" | "equal" | "range" | "qualitative") | null;
            /** @enum {string} */
            method: "positive_ratio" | "equal" | "equal_zero" | "reverse_linear_to_2T" | "reverse_ratio" | "range" | "qualitative_tier" | "manual" | "none";
            /** @description 完成比例（正向 A/T，反向按所用公式） */
            ratio: string | null;
            /** @description 偏离度 (A − T) / T，四位小数 */
            deviation: string | null;
            tier: ("A" | "B" | "C") | null;
            /** @description 十进制数字符串，如 "93.76" */
            score: string;
            /** @description 封顶分值（如山西默认成本指标5分） */
            cap: string | null;
            deduction: string | null;
            rounding: string;
            /** @enum {string} */
            status: "met" | "partly_met" | "not_met" | "over_achieved" | "qualitative_tier" | "skipped" | "needs_review";
            reportedScore: string | null;
            /** @description 得分是否来自人工评分或填报得分 */
            manual: boolean;
            explanation: string;
            findings: string[];
        };
        /** @description 一个三级指标的计算结果及其依据 */
        IndicatorResultInput: {
            index: number;
            pointer: string;
            level1: string;
            level2: string;
            name: string;
            level1Key: string | null;
            level2Key: string | null;
            /** @description 十进制数字符串，如 "93.76" */
            points: string;
            target: components["schemas"]["ParsedValueInput"];
            actual: components["schemas"]["ParsedValueInput"];
            direction: ("positive" | "reverse" | "equal" | "range" | "qualitative") | null;
            /** @enum {string} */
            method: "positive_ratio" | "equal" | "equal_zero" | "reverse_linear_to_2T" | "reverse_ratio" | "range" | "qualitative_tier" | "manual" | "none";
            /** @description 完成比例（正向 A/T，反向按所用公式） */
            ratio: string | null;
            /** @description 偏离度 (A − T) / T，四位小数 */
            deviation: string | null;
            tier: ("A" | "B" | "C") | null;
            /** @description 十进制数字符串，如 "93.76" */
            score: string;
            /** @description 封顶分值（如山西默认成本指标5分） */
            cap: string | null;
            deduction: string | null;
            rounding: string;
            /** @enum {string} */
            status: "met" | "partly_met" | "not_met" | "over_achieved" | "qualitative_tier" | "skipped" | "needs_review";
            reportedScore: string | null;
            /** @description 得分是否来自人工评分或填报得分 */
            manual: boolean;
            explanation: string;
            findings: string[];
        };
        Inflation: {
            year: number;
            /** @description 用于比较的上年表单数 */
            previousYearForms: number;
            sort: string;
            formula: string;
            departments: components["schemas"]["InflationRow"][];
        };
        InflationInput: {
            year: number;
            /** @description 用于比较的上年表单数 */
            previousYearForms: number;
            sort: string;
            formula: string;
            departments: components["schemas"]["InflationRowInput"][];
        };
        /** @description 一个部门的自评得分虚高指标 */
        InflationRow: {
            deptCode: string;
            deptName: string | null;
            forms: number;
            gap: {
                /** @description 填报了总分的表单数 */
                forms: number;
                mean: string | null;
                quantiles: {
                    /** @description 十进制数字符串 */
                    min: string;
                    /** @description 十进制数字符串 */
                    p25: string;
                    /** @description 十进制数字符串 */
                    median: string;
                    /** @description 十进制数字符串 */
                    p75: string;
                    /** @description 十进制数字符串 */
                    max: string;
                } | null;
            };
            fullMarks: {
                count: number;
                /** @description 全部指标满分的表单占比（%），两位小数；无分母时为 null */
                share: string | null;
                forms: number;
            };
            equalActual: {
                count: number;
                /** @description 实际完成值等于指标值的定量行占比（%），两位小数；无分母时为 null */
                share: string | null;
                rows: number;
            };
            noNote: {
                count: number;
                /** @description 未满分且无偏差说明的行占比（%），两位小数；无分母时为 null */
                share: string | null;
                /** @description 未满分的行数 */
                rows: number;
            };
            belowPrevious: {
                count: number;
                /** @description 指标值不高于上年实际完成值的行占比（%），两位小数；无分母时为 null */
                share: string | null;
                /** @description 可与上年比较的行数 */
                rows: number;
            };
            /** @description 综合指数 0–100 */
            index: string | null;
            sources: components["schemas"]["SourceRef"][];
        };
        /** @description 一个部门的自评得分虚高指标 */
        InflationRowInput: {
            deptCode: string;
            deptName: string | null;
            forms: number;
            gap: {
                /** @description 填报了总分的表单数 */
                forms: number;
                mean: string | null;
                quantiles: {
                    /** @description 十进制数字符串 */
                    min: string;
                    /** @description 十进制数字符串 */
                    p25: string;
                    /** @description 十进制数字符串 */
                    median: string;
                    /** @description 十进制数字符串 */
                    p75: string;
                    /** @description 十进制数字符串 */
                    max: string;
                } | null;
            };
            fullMarks: {
                count: number;
                /** @description 全部指标满分的表单占比（%），两位小数；无分母时为 null */
                share: string | null;
                forms: number;
            };
            equalActual: {
                count: number;
                /** @description 实际完成值等于指标值的定量行占比（%），两位小数；无分母时为 null */
                share: string | null;
                rows: number;
            };
            noNote: {
                count: number;
                /** @description 未满分且无偏差说明的行占比（%），两位小数；无分母时为 null */
                share: string | null;
                /** @description 未满分的行数 */
                rows: number;
            };
            belowPrevious: {
                count: number;
                /** @description 指标值不高于上年实际完成值的行占比（%），两位小数；无分母时为 null */
                share: string | null;
                /** @description 可与上年比较的行数 */
                rows: number;
            };
            /** @description 综合指数 0–100 */
            index: string | null;
            sources: components["schemas"]["SourceRefInput"][];
        };
        /** @description 异步批量评分作业 */
        Job: {
            id: string;
            /**
             * @description 作业状态：queued 排队、running 评分中、done 完成、cancelled 已取消
             * @enum {string}
             */
            state: "receiving" | "queued" | "running" | "done" | "cancelled";
            /** @description 表单（行）数 */
            total: number;
            /** @description 按项目状态计数 */
            counts: {
                pending: number;
                done: number;
                failed: number;
            };
            /** @description 状态的中文名称：审核中 / 已审核 / 审核失败 */
            labels: {
                pending: string;
                done: string;
                failed: string;
            };
            /** @description 已处理的百分比，两位小数，如 "37.50" */
            progress: string;
            policy: string | null;
            /** @enum {string} */
            detail: "brief" | "full";
            /**
             * @description 结果的格式
             * @enum {string}
             */
            shape: "form" | "standard";
            store: boolean;
            /** @description ndjson | json | xlsx */
            source: string;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
            links: {
                self: string;
                results: string;
            };
            callback: {
                url: string;
                /** @description 作业结束前为 null */
                state: ("pending" | "delivered" | "failed") | null;
                /** @description 下一次投递的时间 */
                nextAt: string | null;
                attempts: components["schemas"]["CallbackAttempt"][];
            } | null;
        };
        /** @description 异步批量评分作业 */
        JobInput: {
            id: string;
            /**
             * @description 作业状态：queued 排队、running 评分中、done 完成、cancelled 已取消
             * @enum {string}
             */
            state: "receiving" | "queued" | "running" | "done" | "cancelled";
            /** @description 表单（行）数 */
            total: number;
            /** @description 按项目状态计数 */
            counts: {
                pending: number;
                done: number;
                failed: number;
            };
            /** @description 状态的中文名称：审核中 / 已审核 / 审核失败 */
            labels: {
                pending: string;
                done: string;
                failed: string;
            };
            /** @description 已处理的百分比，两位小数，如 "37.50" */
            progress: string;
            policy: string | null;
            /** @enum {string} */
            detail: "brief" | "full";
            /**
             * @description 结果的格式
             * @enum {string}
             */
            shape: "form" | "standard";
            store: boolean;
            /** @description ndjson | json | xlsx */
            source: string;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
            links: {
                self: string;
                results: string;
            };
            callback: {
                url: string;
                /** @description 作业结束前为 null */
                state: ("pending" | "delivered" | "failed") | null;
                /** @description 下一次投递的时间 */
                nextAt: string | null;
                attempts: components["schemas"]["CallbackAttemptInput"][];
            } | null;
        };
        /** @description 作业中一个项目的结果 */
        JobLine: {
            /** @description 输入中的行号（NDJSON）或序号（从1起） */
            line: number;
            /** @description 项目代码 pro_code */
            proCode: string | null;
            /** @description 表单 id / eval_id */
            evalId: string | null;
            /** @description 表单 id，否则项目代码 */
            id: string | null;
            /**
             * @description pending 审核中 / done 已审核 / failed 审核失败
             * @enum {string}
             */
            status: "pending" | "done" | "failed";
            /** @description 审核中 / 已审核 / 审核失败 */
            label: string;
            /** @description done：评分结果（BriefResult 或 ScoreResult） */
            result?: unknown;
            /** @description failed：RFC 9457 问题（如 INVALID_FORM 及其 errors） */
            problem?: unknown;
        };
        JobLineByProCode: {
            /** @description 输入中的行号（NDJSON）或序号（从1起） */
            line: number;
            /** @description 项目代码 pro_code */
            proCode: string | null;
            /** @description 表单 id / eval_id */
            evalId: string | null;
            /** @description 表单 id，否则项目代码 */
            id: string | null;
            /**
             * @description pending 审核中 / done 已审核 / failed 审核失败
             * @enum {string}
             */
            status: "pending" | "done" | "failed";
            /** @description 审核中 / 已审核 / 审核失败 */
            label: string;
            /** @description done：评分结果（BriefResult 或 ScoreResult） */
            result?: unknown;
            /** @description failed：RFC 9457 问题（如 INVALID_FORM 及其 errors） */
            problem?: unknown;
            /** @description 同一作业中同一项目代码的其他行（答复的是最后一行） */
            otherLines: number[];
        };
        JobLineByProCodeInput: {
            /** @description 输入中的行号（NDJSON）或序号（从1起） */
            line: number;
            /** @description 项目代码 pro_code */
            proCode: string | null;
            /** @description 表单 id / eval_id */
            evalId: string | null;
            /** @description 表单 id，否则项目代码 */
            id: string | null;
            /**
             * @description pending 审核中 / done 已审核 / failed 审核失败
             * @enum {string}
             */
            status: "pending" | "done" | "failed";
            /** @description 审核中 / 已审核 / 审核失败 */
            label: string;
            /** @description done：评分结果（BriefResult 或 ScoreResult） */
            result?: unknown;
            /** @description failed：RFC 9457 问题（如 INVALID_FORM 及其 errors） */
            problem?: unknown;
            /** @description 同一作业中同一项目代码的其他行（答复的是最后一行） */
            otherLines: number[];
        };
        /** @description 作业中一个项目的结果 */
        JobLineInput: {
            /** @description 输入中的行号（NDJSON）或序号（从1起） */
            line: number;
            /** @description 项目代码 pro_code */
            proCode: string | null;
            /** @description 表单 id / eval_id */
            evalId: string | null;
            /** @description 表单 id，否则项目代码 */
            id: string | null;
            /**
             * @description pending 审核中 / done 已审核 / failed 审核失败
             * @enum {string}
             */
            status: "pending" | "done" | "failed";
            /** @description 审核中 / 已审核 / 审核失败 */
            label: string;
            /** @description done：评分结果（BriefResult 或 ScoreResult） */
            result?: unknown;
            /** @description failed：RFC 9457 问题（如 INVALID_FORM 及其 errors） */
            problem?: unknown;
        };
        /** @description 一页作业（新的在前） */
        JobPage: {
            items: components["schemas"]["Job"][];
            /** @description 下一页的游标（作为 cursor 传回）；最后一页为 null */
            next: string | null;
        };
        /** @description 一页作业（新的在前） */
        JobPageInput: {
            items: components["schemas"]["JobInput"][];
            /** @description 下一页的游标（作为 cursor 传回）；最后一页为 null */
            next: string | null;
        };
        /** @description 一页作业结果 */
        JobResultPage: {
            items: components["schemas"]["JobLine"][];
            /** @description 下一页的游标（作为 cursor 传回）；最后一页为 null */
            next: string | null;
        };
        /** @description 一页作业结果 */
        JobResultPageInput: {
            items: components["schemas"]["JobLineInput"][];
            /** @description 下一页的游标（作为 cursor 传回）；最后一页为 null */
            next: string | null;
        };
        /** @description 一张表单的自评综述 */
        Narrative: {
            /** @description 表单 id（eval_id） */
            id: string | null;
            proName: string;
            /** @description 计算总分 */
            total: string;
            grade: string | null;
            /** @description 项目绩效自评综述 */
            text: string;
        };
        /** @description 一张表单的自评综述 */
        NarrativeInput: {
            /** @description 表单 id（eval_id） */
            id: string | null;
            proName: string;
            /** @description 计算总分 */
            total: string;
            grade: string | null;
            /** @description 项目绩效自评综述 */
            text: string;
        };
        NewApiKey: {
            name: string;
            /** @enum {string} */
            role: "unit" | "department" | "bureau" | "reviewer";
            unit?: string;
            dept?: string;
            region?: string;
        };
        NewApiKeyAnswer: {
            id: string;
            name: string;
            /** @enum {string} */
            role: "unit" | "department" | "bureau" | "reviewer";
            agencyCode: string | null;
            deptCode: string | null;
            mofDivCode: string | null;
            /** @description 密钥的前几个字符（用于辨认，不能用来认证） */
            prefix: string;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            createdBy: string | null;
            revokedAt: string | null;
            /** @description 密钥本身：只在此应答中出现一次 */
            key: string;
        };
        NewApiKeyAnswerInput: {
            id: string;
            name: string;
            /** @enum {string} */
            role: "unit" | "department" | "bureau" | "reviewer";
            agencyCode: string | null;
            deptCode: string | null;
            mofDivCode: string | null;
            /** @description 密钥的前几个字符（用于辨认，不能用来认证） */
            prefix: string;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            createdBy: string | null;
            revokedAt: string | null;
            /** @description 密钥本身：只在此应答中出现一次 */
            key: string;
        };
        NewApiKeyInput: {
            name: string;
            /** @enum {string} */
            role: "unit" | "department" | "bureau" | "reviewer";
            unit?: string;
            dept?: string;
            region?: string;
        };
        /** @description 解析后的指标值或实际完成值（原文始终保留） */
        ParsedValue: {
            raw: string;
            /** @enum {string} */
            kind: "quantitative" | "range" | "qualitative" | "empty";
            operator: ("GE" | "GT" | "EQ" | "LT" | "LE") | null;
            operatorSymbol: string | null;
            value: string | null;
            lower: string | null;
            upper: string | null;
            unit: string | null;
            baseUnit: string | null;
            baseValue: string | null;
            tier: ("A" | "B" | "C") | null;
            grade: string | null;
            isDate: boolean;
            /** @description 是 / 否 回答（是、否、无 …） */
            answer: ("yes" | "no") | null;
        };
        /** @description 解析后的指标值或实际完成值（原文始终保留） */
        ParsedValueInput: {
            raw: string;
            /** @enum {string} */
            kind: "quantitative" | "range" | "qualitative" | "empty";
            operator: ("GE" | "GT" | "EQ" | "LT" | "LE") | null;
            operatorSymbol: string | null;
            value: string | null;
            lower: string | null;
            upper: string | null;
            unit: string | null;
            baseUnit: string | null;
            baseValue: string | null;
            tier: ("A" | "B" | "C") | null;
            grade: string | null;
            isDate: boolean;
            /** @description 是 / 否 回答（是、否、无 …） */
            answer: ("yes" | "no") | null;
        };
        /** @description 评分政策的全部参数（十进制数为字符串） */
        Policy: {
            /** @description 政策标识,小写字母、数字、连字符 / Policy id, e.g. "shanxi-2022"; the profile name of §6.1 and §6.9. */
            id: string;
            /** @description 政策文件版本(语义化版本) / Semantic version of this file; bump it on every change, because scores record the policy they used (§6.9). */
            version: string;
            /** @description 中文名称 / Chinese display name of the profile (§6.9). */
            name: string;
            /** @description 说明:与全国口径的差异及其依据 / What differs from the national profile and on what evidence (§3, §6.9). */
            description: string;
            /** @description 政策文件规范化 JSON 的 sha256 / sha256 (hex) of the policy file's canonical JSON, sorted keys (§6.9). */
            hash: string;
            /** @description 是否为默认政策 / The fallback profile when no other applies (§6 intro). */
            isDefault: boolean;
            /** @description 适用范围 / Where and when the policy applies (§3). */
            appliesTo: {
                /** @description 适用的财政区划代码;空数组 = 全国 / 财政区划 codes; "140000" covers every code starting "14". Empty = everywhere (§3). */
                regions: string[];
                /** @description 起始年度(含) / First fiscal year covered, null = no lower bound (§6.9). */
                yearFrom: number | null;
                /** @description 截止年度(含) / Last fiscal year covered, null = still in force (§6.9). */
                yearTo: number | null;
            };
            /** @description 满分 / Total points of the form; budget points + level points must add up to it (§1.2 rule 3, §6.7 rule 4). */
            totalPoints: string;
            /** @description 得分保留小数位,四舍五入 / Decimals of every computed score, ROUND_HALF_UP (§6.7 rule 1). */
            scoreDecimals: number;
            /** @description 核对容差 / A printed total or score within this of the computed one is not a mismatch (§6.7 rule 5). */
            tolerance: string;
            /** @description 预算执行率得分 / Budget-execution score (§1.5, §6.3); formula selects the variant. */
            budget: {
                /** @description 预算执行率分值 / Points of the execution rate: 10 nationally, 20 in Hubei (§1.2 rule 3, §3.2 rule 46). */
                points: string;
                /**
                 * @description linear = 执行率 × 分值(封顶) / Rate × points, capped at the points (§1.5 rule 14).
                 * @constant
                 */
                formula: "linear";
                /** @description 线性计分不得有分档 / A linear formula has no tiers (§1.5 rule 14). */
                tiers: {
                    /** @description 执行率下限(%,含) / Inclusive lower bound of the execution rate in percent (§3.3 rule 48). */
                    minRate: string;
                    /** @description 得分占分值比例,0–1 / Score as a share of the execution points: 7 of 10 = "0.7" (§3.3 rule 48). */
                    share: string;
                }[];
                /** @description 执行率(%)保留小数位;得分按舍入后的执行率计算 / Decimals of the rate in percent, rounded before scoring: 2 nationally, 0 in the Beijing 2016 form (§6.3, §3.8 rule 58). */
                rateDecimals: number;
                /**
                 * @description 执行率 > 100%:error = 报错(仍封顶计分);allow = 允许 / Rate above 100 %: an error finding (score still capped) or allowed, Zhejiang since 2024-04-01 (§1.5 rule 15, §3.4 rule 49).
                 * @enum {string}
                 */
                over100: "error" | "allow";
                /** @description 预算数与执行数均为 0 时采用的执行率(%);null = 得 0 分并警告 / Rate in percent used when budget = execution = 0 (Zhejiang "100"); null = score 0 with a ZERO_BUDGET warning (§1.5 rule 16, §3.4 rule 49). */
                zeroBudgetBothZeroRate: string | null;
                /** @description 执行率低于该值(%)须说明原因;null = 不要求 / A reason is required when the rate in percent is below this (Sichuan "90"); null = none (§1.5 rule 18, §3.7 rule 56). */
                lowExecReasonThreshold: string | null;
            } | {
                /** @description 预算执行率分值 / Points of the execution rate: 10 nationally, 20 in Hubei (§1.2 rule 3, §3.2 rule 46). */
                points: string;
                /**
                 * @description tiered = 分档计分 / Jiangxi step table (§3.3 rule 48).
                 * @constant
                 */
                formula: "tiered";
                /** @description 分档表,至少一档,须有一档自 0 起 / Step table, at least one step and one starting at 0 (§3.3 rule 48). */
                tiers: {
                    /** @description 执行率下限(%,含) / Inclusive lower bound of the execution rate in percent (§3.3 rule 48). */
                    minRate: string;
                    /** @description 得分占分值比例,0–1 / Score as a share of the execution points: 7 of 10 = "0.7" (§3.3 rule 48). */
                    share: string;
                }[];
                /** @description 执行率(%)保留小数位;得分按舍入后的执行率计算 / Decimals of the rate in percent, rounded before scoring: 2 nationally, 0 in the Beijing 2016 form (§6.3, §3.8 rule 58). */
                rateDecimals: number;
                /**
                 * @description 执行率 > 100%:error = 报错(仍封顶计分);allow = 允许 / Rate above 100 %: an error finding (score still capped) or allowed, Zhejiang since 2024-04-01 (§1.5 rule 15, §3.4 rule 49).
                 * @enum {string}
                 */
                over100: "error" | "allow";
                /** @description 预算数与执行数均为 0 时采用的执行率(%);null = 得 0 分并警告 / Rate in percent used when budget = execution = 0 (Zhejiang "100"); null = score 0 with a ZERO_BUDGET warning (§1.5 rule 16, §3.4 rule 49). */
                zeroBudgetBothZeroRate: string | null;
                /** @description 执行率低于该值(%)须说明原因;null = 不要求 / A reason is required when the rate in percent is below this (Sichuan "90"); null = none (§1.5 rule 18, §3.7 rule 56). */
                lowExecReasonThreshold: string | null;
            };
            /** @description 定量指标计分 / Scoring of quantitative indicators (§1.3, §6.4). */
            quantitative: {
                /**
                 * @description 反向指标公式:linear_to_2T = (1 − (A − T)/T) × W,2T 时为 0;ratio = T/A × W / Reverse formula: linear penalty reaching 0 at twice the target (production, §1.3 rule 9) or the ratio T/A (P9/P10, §1.3 rule 8).
                 * @enum {string}
                 */
                reverseFormula: "linear_to_2T" | "ratio";
                /** @description 严格比较:true 时实际值等于目标值而指标为 ＞ 或 ＜ 视为未完成(按未达成计分);false(全国)时 ＞ 按 ≥、＜ 按 ≤ 计分 / Strict operators. true: an actual equal to a ＞ (GT) or ＜ (LT) target is not met and is scored as a miss; false (national, production): ＞ scores like ≥ and ＜ like ≤, so A = T earns full points (§2.2 rule 26, §6.4 strict_operators). */
                strictOperators: boolean;
                /** @description 超额完成标记倍数:A ≥ 倍数 × T 时标记 OVERACHIEVED / Actual at or above this multiple of the target is flagged OVERACHIEVED: 1.2 nationally, 1.3 in Guangxi (§1.3 rule 7, §3.5 rule 50). */
                overachieveFactor: string;
                /** @description 超额完成是否必须填写偏差原因 / Whether an OVERACHIEVED row must carry a 偏差原因 (Guangxi, §3.5 rule 50). */
                overachieveRequiresReason: boolean;
                /** @description 是否允许在未被标记的定量行上手工改分 / Allow a manual score on a quantitative row even when no flag is set (§6.6 rule 2). */
                allowManualOverride: boolean;
            };
            qualitative: {
                /** @description 各档得分下限(占分值比例,含);上限为上一档下限(不含)或 1 / Inclusive lower bound of each tier as a share of the points; national 0.8 / 0.6 / 0, Hubei 0.8 / 0.5 / 0 (§1.4 rule 10, §3.2 rule 47). */
                tierMin: {
                    /** @description 达成年度指标 下限 / Lower bound of tier A (§1.4 rule 10). */
                    A: string;
                    /** @description 部分达成年度指标并具有一定效果 下限 / Lower bound of tier B (§1.4 rule 10, §3.2 rule 47). */
                    B: string;
                    /** @description 未达成年度指标且效果较差 下限,应为 0 / Lower bound of tier C; must be 0 (§1.4 rule 10). */
                    C: string;
                };
                /** @description 未给手工分时的默认得分比例;null = 必须手工打分 / Score share when no manual score is given; null = a manual score is required (§6.5; B and C have no source). */
                defaults: {
                    /** @description A 档默认比例,全国为 1(满分) / Tier A default share: 1 = full points, as the S1 filings show (§6.5). */
                    A: string | null;
                    /** @description B 档默认比例,无依据,默认 null / Tier B default share; no source, so null (§6.5). */
                    B: string | null;
                    /** @description C 档默认比例,无依据,默认 null / Tier C default share; no source, so null (§6.5). */
                    C: string | null;
                };
                /** @description 以 优良中低差 填写的实际完成值 → 档次(无来源) / Graded actuals → tier (no source; §6.2 rule 4). */
                gradedActuals: {
                    [key: string]: "A" | "B" | "C";
                };
                /** @description 填报人自报得分落在档次区间内时作为手工分 / Use the filer's own 得分 as the manual score when it lies in the tier's range (§1.4 rule 12: the score within a tier is entered by a person). */
                acceptReportedScoreInTier: boolean;
            };
            /** @description 默认(未填报)成本指标行 / The default 未填报 cost row (§2.4 rule 35, §6.6 rule 5). */
            costRow: {
                /** @description 默认成本行得分上限;null = 无上限(按缺失目标处理) / Cap on the default cost row's score: Shanxi "5"; null = no cap, the row is a missing target (§2.4 rule 35, §3.1 rule 40). */
                defaultRowCap: string | null;
            };
            /** @description 年初指标值有值而调整后指标值为空时跳过该行 / Skip a row whose 年初指标值 is set and 调整后指标值 is cleared (Shanxi, §3.1 rule 41, §6.6 rule 5). */
            adjustedTargetSkip: boolean;
            /** @description 允许手工扣减分数(偏离度调减) / Allow a manual 扣减分数 subtracted from the auto score, floored at 0 (§3.5 rule 51, §6.6 rule 1). */
            manualDeduction: boolean;
            /** @description 不适用指标剔除后按百分制折算 / Drop non-applicable rows and rescale the indicator total to its nominal points (§3.11 rule 61, §6.6 rule 5). */
            excludeAndRenormalise: boolean;
            /** @description 部门(单位)整体支出绩效自评的不同规则(可选) / Rules of the department-wide form where they differ (optional; §4). */
            department?: {
                /** @description 部门整体支出的预算执行率分值;省略时同项目 / Execution points of a department-wide form; default: budget.points (§4 rule 62). */
                budgetPoints?: string;
                /** @description 资金类别清单(indicators/department.json 的 categoryLists 键);省略时为 default / The money-category list of indicators/department.json; default "default" (§4 rule 63, C3). */
                categoryList?: string;
                /** @description 部门整体支出的等级档次,须有一档自 0 起;省略时同项目 / Grade bands of a department-wide form (older C5 rule 80 / 70 / 60); default: grades (§4 rule 64). */
                grades?: {
                    /** @description 总分下限(含,两位小数比较) / Inclusive lower bound on the 2-decimal total (§1.6 rule 20). */
                    min: string;
                    /** @description 等级名称,如“优” / Label, e.g. “优” (§1.6 rule 20). */
                    label: string;
                    /** @description 数据标准评价等级代码:1 优 2 良 3 中 4 差 / 评价等级 code of the data standard (§6.8, §5.2). */
                    code: string;
                }[];
            };
            /** @description 一级指标默认分值,按文件中的顺序 / Default points per 一级 key or joined group, in file order (§6.9 l1_default_weights). */
            levelPoints: {
                /** @description 一级指标键;多于一个时分值为合计 / Canonical 一级 keys; with several, points are their sum (§3.2 rule 45). */
                keys: string[];
                /** @description 默认分值 / Default points (§1.2 rule 3). */
                points: string;
            }[];
            /** @description 评价等级档次,自高至低;文件为 null 时为全国档次 / Grade bands, highest first; the national bands when the file says null (§1.6 rule 20, §6.8). */
            grades: {
                /** @description 总分下限(含,两位小数比较) / Inclusive lower bound on the 2-decimal total (§1.6 rule 20). */
                min: string;
                /** @description 等级名称,如“优” / Label, e.g. “优” (§1.6 rule 20). */
                label: string;
                /** @description 数据标准评价等级代码:1 优 2 良 3 中 4 差 / 评价等级 code of the data standard (§6.8, §5.2). */
                code: string;
            }[];
            /** @description 是否必须评定等级 / Whether the policy requires a grade: false where grading is optional (Hubei "可以不评级"); the engine still computes one (§1.6 rule 21, §6.8). */
            gradeRequired: boolean;
            /** @description 依据来源(scoring-rules.md §0 的编号及网址) / Evidence for this profile, by the source ids of scoring-rules.md §0 (P…, C…, S1) with what each supports. */
            sources: string[];
        };
        /** @description 评分政策的全部参数（十进制数为字符串） */
        PolicyInput: {
            /** @description 政策标识,小写字母、数字、连字符 / Policy id, e.g. "shanxi-2022"; the profile name of §6.1 and §6.9. */
            id: string;
            /** @description 政策文件版本(语义化版本) / Semantic version of this file; bump it on every change, because scores record the policy they used (§6.9). */
            version: string;
            /** @description 中文名称 / Chinese display name of the profile (§6.9). */
            name: string;
            /** @description 说明:与全国口径的差异及其依据 / What differs from the national profile and on what evidence (§3, §6.9). */
            description: string;
            /** @description 政策文件规范化 JSON 的 sha256 / sha256 (hex) of the policy file's canonical JSON, sorted keys (§6.9). */
            hash: string;
            /** @description 是否为默认政策 / The fallback profile when no other applies (§6 intro). */
            isDefault: boolean;
            /** @description 适用范围 / Where and when the policy applies (§3). */
            appliesTo: {
                /** @description 适用的财政区划代码;空数组 = 全国 / 财政区划 codes; "140000" covers every code starting "14". Empty = everywhere (§3). */
                regions: string[];
                /** @description 起始年度(含) / First fiscal year covered, null = no lower bound (§6.9). */
                yearFrom: number | null;
                /** @description 截止年度(含) / Last fiscal year covered, null = still in force (§6.9). */
                yearTo: number | null;
            };
            /** @description 满分 / Total points of the form; budget points + level points must add up to it (§1.2 rule 3, §6.7 rule 4). */
            totalPoints: string;
            /** @description 得分保留小数位,四舍五入 / Decimals of every computed score, ROUND_HALF_UP (§6.7 rule 1). */
            scoreDecimals: number;
            /** @description 核对容差 / A printed total or score within this of the computed one is not a mismatch (§6.7 rule 5). */
            tolerance: string;
            /** @description 预算执行率得分 / Budget-execution score (§1.5, §6.3); formula selects the variant. */
            budget: {
                /** @description 预算执行率分值 / Points of the execution rate: 10 nationally, 20 in Hubei (§1.2 rule 3, §3.2 rule 46). */
                points: string;
                /**
                 * @description linear = 执行率 × 分值(封顶) / Rate × points, capped at the points (§1.5 rule 14).
                 * @constant
                 */
                formula: "linear";
                /** @description 线性计分不得有分档 / A linear formula has no tiers (§1.5 rule 14). */
                tiers: {
                    /** @description 执行率下限(%,含) / Inclusive lower bound of the execution rate in percent (§3.3 rule 48). */
                    minRate: string;
                    /** @description 得分占分值比例,0–1 / Score as a share of the execution points: 7 of 10 = "0.7" (§3.3 rule 48). */
                    share: string;
                }[];
                /** @description 执行率(%)保留小数位;得分按舍入后的执行率计算 / Decimals of the rate in percent, rounded before scoring: 2 nationally, 0 in the Beijing 2016 form (§6.3, §3.8 rule 58). */
                rateDecimals: number;
                /**
                 * @description 执行率 > 100%:error = 报错(仍封顶计分);allow = 允许 / Rate above 100 %: an error finding (score still capped) or allowed, Zhejiang since 2024-04-01 (§1.5 rule 15, §3.4 rule 49).
                 * @enum {string}
                 */
                over100: "error" | "allow";
                /** @description 预算数与执行数均为 0 时采用的执行率(%);null = 得 0 分并警告 / Rate in percent used when budget = execution = 0 (Zhejiang "100"); null = score 0 with a ZERO_BUDGET warning (§1.5 rule 16, §3.4 rule 49). */
                zeroBudgetBothZeroRate: string | null;
                /** @description 执行率低于该值(%)须说明原因;null = 不要求 / A reason is required when the rate in percent is below this (Sichuan "90"); null = none (§1.5 rule 18, §3.7 rule 56). */
                lowExecReasonThreshold: string | null;
            } | {
                /** @description 预算执行率分值 / Points of the execution rate: 10 nationally, 20 in Hubei (§1.2 rule 3, §3.2 rule 46). */
                points: string;
                /**
                 * @description tiered = 分档计分 / Jiangxi step table (§3.3 rule 48).
                 * @constant
                 */
                formula: "tiered";
                /** @description 分档表,至少一档,须有一档自 0 起 / Step table, at least one step and one starting at 0 (§3.3 rule 48). */
                tiers: {
                    /** @description 执行率下限(%,含) / Inclusive lower bound of the execution rate in percent (§3.3 rule 48). */
                    minRate: string;
                    /** @description 得分占分值比例,0–1 / Score as a share of the execution points: 7 of 10 = "0.7" (§3.3 rule 48). */
                    share: string;
                }[];
                /** @description 执行率(%)保留小数位;得分按舍入后的执行率计算 / Decimals of the rate in percent, rounded before scoring: 2 nationally, 0 in the Beijing 2016 form (§6.3, §3.8 rule 58). */
                rateDecimals: number;
                /**
                 * @description 执行率 > 100%:error = 报错(仍封顶计分);allow = 允许 / Rate above 100 %: an error finding (score still capped) or allowed, Zhejiang since 2024-04-01 (§1.5 rule 15, §3.4 rule 49).
                 * @enum {string}
                 */
                over100: "error" | "allow";
                /** @description 预算数与执行数均为 0 时采用的执行率(%);null = 得 0 分并警告 / Rate in percent used when budget = execution = 0 (Zhejiang "100"); null = score 0 with a ZERO_BUDGET warning (§1.5 rule 16, §3.4 rule 49). */
                zeroBudgetBothZeroRate: string | null;
                /** @description 执行率低于该值(%)须说明原因;null = 不要求 / A reason is required when the rate in percent is below this (Sichuan "90"); null = none (§1.5 rule 18, §3.7 rule 56). */
                lowExecReasonThreshold: string | null;
            };
            /** @description 定量指标计分 / Scoring of quantitative indicators (§1.3, §6.4). */
            quantitative: {
                /**
                 * @description 反向指标公式:linear_to_2T = (1 − (A − T)/T) × W,2T 时为 0;ratio = T/A × W / Reverse formula: linear penalty reaching 0 at twice the target (production, §1.3 rule 9) or the ratio T/A (P9/P10, §1.3 rule 8).
                 * @enum {string}
                 */
                reverseFormula: "linear_to_2T" | "ratio";
                /** @description 严格比较:true 时实际值等于目标值而指标为 ＞ 或 ＜ 视为未完成(按未达成计分);false(全国)时 ＞ 按 ≥、＜ 按 ≤ 计分 / Strict operators. true: an actual equal to a ＞ (GT) or ＜ (LT) target is not met and is scored as a miss; false (national, production): ＞ scores like ≥ and ＜ like ≤, so A = T earns full points (§2.2 rule 26, §6.4 strict_operators). */
                strictOperators: boolean;
                /** @description 超额完成标记倍数:A ≥ 倍数 × T 时标记 OVERACHIEVED / Actual at or above this multiple of the target is flagged OVERACHIEVED: 1.2 nationally, 1.3 in Guangxi (§1.3 rule 7, §3.5 rule 50). */
                overachieveFactor: string;
                /** @description 超额完成是否必须填写偏差原因 / Whether an OVERACHIEVED row must carry a 偏差原因 (Guangxi, §3.5 rule 50). */
                overachieveRequiresReason: boolean;
                /** @description 是否允许在未被标记的定量行上手工改分 / Allow a manual score on a quantitative row even when no flag is set (§6.6 rule 2). */
                allowManualOverride: boolean;
            };
            qualitative: {
                /** @description 各档得分下限(占分值比例,含);上限为上一档下限(不含)或 1 / Inclusive lower bound of each tier as a share of the points; national 0.8 / 0.6 / 0, Hubei 0.8 / 0.5 / 0 (§1.4 rule 10, §3.2 rule 47). */
                tierMin: {
                    /** @description 达成年度指标 下限 / Lower bound of tier A (§1.4 rule 10). */
                    A: string;
                    /** @description 部分达成年度指标并具有一定效果 下限 / Lower bound of tier B (§1.4 rule 10, §3.2 rule 47). */
                    B: string;
                    /** @description 未达成年度指标且效果较差 下限,应为 0 / Lower bound of tier C; must be 0 (§1.4 rule 10). */
                    C: string;
                };
                /** @description 未给手工分时的默认得分比例;null = 必须手工打分 / Score share when no manual score is given; null = a manual score is required (§6.5; B and C have no source). */
                defaults: {
                    /** @description A 档默认比例,全国为 1(满分) / Tier A default share: 1 = full points, as the S1 filings show (§6.5). */
                    A: string | null;
                    /** @description B 档默认比例,无依据,默认 null / Tier B default share; no source, so null (§6.5). */
                    B: string | null;
                    /** @description C 档默认比例,无依据,默认 null / Tier C default share; no source, so null (§6.5). */
                    C: string | null;
                };
                /** @description 以 优良中低差 填写的实际完成值 → 档次(无来源) / Graded actuals → tier (no source; §6.2 rule 4). */
                gradedActuals: {
                    [key: string]: "A" | "B" | "C";
                };
                /** @description 填报人自报得分落在档次区间内时作为手工分 / Use the filer's own 得分 as the manual score when it lies in the tier's range (§1.4 rule 12: the score within a tier is entered by a person). */
                acceptReportedScoreInTier: boolean;
            };
            /** @description 默认(未填报)成本指标行 / The default 未填报 cost row (§2.4 rule 35, §6.6 rule 5). */
            costRow: {
                /** @description 默认成本行得分上限;null = 无上限(按缺失目标处理) / Cap on the default cost row's score: Shanxi "5"; null = no cap, the row is a missing target (§2.4 rule 35, §3.1 rule 40). */
                defaultRowCap: string | null;
            };
            /** @description 年初指标值有值而调整后指标值为空时跳过该行 / Skip a row whose 年初指标值 is set and 调整后指标值 is cleared (Shanxi, §3.1 rule 41, §6.6 rule 5). */
            adjustedTargetSkip: boolean;
            /** @description 允许手工扣减分数(偏离度调减) / Allow a manual 扣减分数 subtracted from the auto score, floored at 0 (§3.5 rule 51, §6.6 rule 1). */
            manualDeduction: boolean;
            /** @description 不适用指标剔除后按百分制折算 / Drop non-applicable rows and rescale the indicator total to its nominal points (§3.11 rule 61, §6.6 rule 5). */
            excludeAndRenormalise: boolean;
            /** @description 部门(单位)整体支出绩效自评的不同规则(可选) / Rules of the department-wide form where they differ (optional; §4). */
            department?: {
                /** @description 部门整体支出的预算执行率分值;省略时同项目 / Execution points of a department-wide form; default: budget.points (§4 rule 62). */
                budgetPoints?: string;
                /** @description 资金类别清单(indicators/department.json 的 categoryLists 键);省略时为 default / The money-category list of indicators/department.json; default "default" (§4 rule 63, C3). */
                categoryList?: string;
                /** @description 部门整体支出的等级档次,须有一档自 0 起;省略时同项目 / Grade bands of a department-wide form (older C5 rule 80 / 70 / 60); default: grades (§4 rule 64). */
                grades?: {
                    /** @description 总分下限(含,两位小数比较) / Inclusive lower bound on the 2-decimal total (§1.6 rule 20). */
                    min: string;
                    /** @description 等级名称,如“优” / Label, e.g. “优” (§1.6 rule 20). */
                    label: string;
                    /** @description 数据标准评价等级代码:1 优 2 良 3 中 4 差 / 评价等级 code of the data standard (§6.8, §5.2). */
                    code: string;
                }[];
            };
            /** @description 一级指标默认分值,按文件中的顺序 / Default points per 一级 key or joined group, in file order (§6.9 l1_default_weights). */
            levelPoints: {
                /** @description 一级指标键;多于一个时分值为合计 / Canonical 一级 keys; with several, points are their sum (§3.2 rule 45). */
                keys: string[];
                /** @description 默认分值 / Default points (§1.2 rule 3). */
                points: string;
            }[];
            /** @description 评价等级档次,自高至低;文件为 null 时为全国档次 / Grade bands, highest first; the national bands when the file says null (§1.6 rule 20, §6.8). */
            grades: {
                /** @description 总分下限(含,两位小数比较) / Inclusive lower bound on the 2-decimal total (§1.6 rule 20). */
                min: string;
                /** @description 等级名称,如“优” / Label, e.g. “优” (§1.6 rule 20). */
                label: string;
                /** @description 数据标准评价等级代码:1 优 2 良 3 中 4 差 / 评价等级 code of the data standard (§6.8, §5.2). */
                code: string;
            }[];
            /** @description 是否必须评定等级 / Whether the policy requires a grade: false where grading is optional (Hubei "可以不评级"); the engine still computes one (§1.6 rule 21, §6.8). */
            gradeRequired: boolean;
            /** @description 依据来源(scoring-rules.md §0 的编号及网址) / Evidence for this profile, by the source ids of scoring-rules.md §0 (P…, C…, S1) with what each supports. */
            sources: string[];
        };
        PolicyList: {
            /** @description 默认政策 id */
            default: string;
            policies: components["schemas"]["PolicySummary"][];
        };
        PolicyListInput: {
            /** @description 默认政策 id */
            default: string;
            policies: components["schemas"]["PolicySummaryInput"][];
        };
        /** @description 所用评分政策 */
        PolicyRef: {
            id: string;
            version: string;
            hash: string;
            name: string;
        };
        /** @description 所用评分政策 */
        PolicyRefInput: {
            id: string;
            version: string;
            hash: string;
            name: string;
        };
        /** @description 评分政策概要 */
        PolicySummary: {
            /** @description 政策标识,小写字母、数字、连字符 / Policy id, e.g. "shanxi-2022"; the profile name of §6.1 and §6.9. */
            id: string;
            /** @description 政策文件版本(语义化版本) / Semantic version of this file; bump it on every change, because scores record the policy they used (§6.9). */
            version: string;
            /** @description 中文名称 / Chinese display name of the profile (§6.9). */
            name: string;
            /** @description 说明:与全国口径的差异及其依据 / What differs from the national profile and on what evidence (§3, §6.9). */
            description: string;
            /** @description 政策文件规范化 JSON 的 sha256 / sha256 (hex) of the policy file's canonical JSON, sorted keys (§6.9). */
            hash: string;
            /** @description 是否为默认政策 / The fallback profile when no other applies (§6 intro). */
            isDefault: boolean;
            /** @description 适用范围 / Where and when the policy applies (§3). */
            appliesTo: {
                /** @description 适用的财政区划代码;空数组 = 全国 / 财政区划 codes; "140000" covers every code starting "14". Empty = everywhere (§3). */
                regions: string[];
                /** @description 起始年度(含) / First fiscal year covered, null = no lower bound (§6.9). */
                yearFrom: number | null;
                /** @description 截止年度(含) / Last fiscal year covered, null = still in force (§6.9). */
                yearTo: number | null;
            };
        };
        /** @description 评分政策概要 */
        PolicySummaryInput: {
            /** @description 政策标识,小写字母、数字、连字符 / Policy id, e.g. "shanxi-2022"; the profile name of §6.1 and §6.9. */
            id: string;
            /** @description 政策文件版本(语义化版本) / Semantic version of this file; bump it on every change, because scores record the policy they used (§6.9). */
            version: string;
            /** @description 中文名称 / Chinese display name of the profile (§6.9). */
            name: string;
            /** @description 说明:与全国口径的差异及其依据 / What differs from the national profile and on what evidence (§3, §6.9). */
            description: string;
            /** @description 政策文件规范化 JSON 的 sha256 / sha256 (hex) of the policy file's canonical JSON, sorted keys (§6.9). */
            hash: string;
            /** @description 是否为默认政策 / The fallback profile when no other applies (§6 intro). */
            isDefault: boolean;
            /** @description 适用范围 / Where and when the policy applies (§3). */
            appliesTo: {
                /** @description 适用的财政区划代码;空数组 = 全国 / 财政区划 codes; "140000" covers every code starting "14". Empty = everywhere (§3). */
                regions: string[];
                /** @description 起始年度(含) / First fiscal year covered, null = no lower bound (§6.9). */
                yearFrom: number | null;
                /** @description 截止年度(含) / Last fiscal year covered, null = still in force (§6.9). */
                yearTo: number | null;
            };
        };
        /** @description RFC 9457 application/problem+json；默认中文，Accept-Language: en 时为英文 */
        Problem: {
            /** @description urn:jixiao:problem:<code> */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @enum {string} */
            code: "REQUIRED" | "INVALID_TYPE" | "NOT_A_NUMBER" | "NEGATIVE_NUMBER" | "MONEY_UNIT_MISMATCH" | "EMPTY_TEXT" | "TEXT_TOO_LONG" | "INVALID_VALUE" | "INVALID_YEAR" | "INVALID_CODE" | "EMPTY_INDICATORS" | "EMPTY_FUNDS" | "VALUE_OUT_OF_RANGE" | "TOO_MANY_ITEMS" | "NOT_AN_OBJECT" | "REVIEW_REASON_REQUIRED" | "REVIEW_INDICATOR_UNKNOWN" | "REVIEW_INDICATOR_AMBIGUOUS" | "REVIEW_INDICATOR_TWICE" | "REVIEW_SCORE_OUT_OF_RANGE" | "UNSAFE_INTEGER" | "STANDARD_KEY_MISMATCH" | "WEIGHT_SUM" | "LEVEL_POINTS_DEVIATE" | "TOTAL_MISMATCH" | "GRADE_MISMATCH" | "SCORE_MISMATCH" | "EXEC_RATE_MISMATCH" | "EXEC_RATE_ROUNDED" | "EXEC_RATE_NOT_REPORTED" | "EXEC_SCORE_MISMATCH" | "BALANCE_MISMATCH" | "FUNDS_SUM_MISMATCH" | "BUDGET_FROM_PARTS" | "EXEC_RATE_OVER_100" | "ZERO_BUDGET" | "EXEC_WITHOUT_BUDGET" | "FUNDS_FIGURE_MISSING" | "FUNDS_ROW_FIGURE_MISSING" | "FUNDS_TOTAL_CONFLICT" | "BUDGET_PARTS_MISMATCH" | "FUNDS_UNIT_SUSPECT" | "LOW_EXEC_REASON_REQUIRED" | "POLICY_YEAR_FALLBACK" | "FUND_TABLES_MISMATCH" | "DEPT_CATEGORY_UNKNOWN" | "GOAL_RATIO_SUM" | "TARGET_MISSING" | "ACTUAL_MISSING" | "ACTUAL_NOT_NUMERIC" | "ACTUAL_HAS_OPERATOR" | "ACTUAL_NEGATIVE" | "UNIT_MISMATCH" | "UNIT_CONVERTED" | "UNIT_UNKNOWN" | "TARGET_UNPARSED" | "ROW_NOT_APPLICABLE" | "OPERATOR_NOT_AUTOSCORED" | "OPERATOR_INFERRED" | "OPERATOR_CONFLICT" | "DATE_TARGET" | "OVERACHIEVED" | "REASON_REQUIRED" | "QUAL_TIER_UNKNOWN" | "QUAL_TIER_INFERRED" | "NEEDS_MANUAL_SCORE" | "QUAL_SCORE_OUT_OF_RANGE" | "QUAL_SCORE_FROM_REPORTED" | "MANUAL_SCORE_NOT_ALLOWED" | "SCORE_OUT_OF_RANGE" | "DEDUCTION_NOT_ALLOWED" | "DEDUCTION_WITHOUT_REASON" | "COST_ROW_CAPPED" | "ROW_SKIPPED" | "ROW_BLANK" | "ANSWER_MISMATCH" | "ANSWER_UNCLEAR" | "ABOVE_RANGE" | "NEGATIVE_TARGET_MISSED" | "STRICT_OPERATOR_NOT_MET" | "VALUE_AMBIGUOUS" | "TARGET_APPROXIMATE" | "ACTUAL_NOT_EXACT" | "QUAL_MEANING_CONFLICT" | "DUPLICATE_INDICATOR" | "LEVEL_UNKNOWN" | "RENORMALISED" | "POSSIBLE_DOUBLE_COUNT" | "UNKNOWN_FIELD" | "STANDARD_FIELD_CONFLICT" | "UNKNOWN_FIELDS_MORE" | "REVIEW_ACTUAL_CHANGED" | "REVIEW_SCORE_CHANGED" | "REVIEW_SCORE_VS_COMPUTED" | "REVIEW_TOTAL_CHANGED" | "REVIEW_TOTAL_VS_COMPUTED" | "REVIEW_GRADE_MISMATCH" | "REVIEW_RULE_APPLIED" | "REVIEW_RULE_NOT_APPLIED" | "IMPORT_SHEET_NOT_FOUND" | "IMPORT_NO_FORM" | "IMPORT_HEADER_MISSING" | "IMPORT_CELL_UNREADABLE" | "IMPORT_FORMULA_NO_RESULT" | "IMPORT_TOO_MANY_ROWS" | "IMPORT_EMPTY_SHEET" | "IMPORT_NOT_XLSX" | "IMPORT_ENCRYPTED" | "IMPORT_TOO_LARGE" | "IMPORT_SHEET_SKIPPED" | "IMPORT_REGION_INFERRED" | "IMPORT_VALUE_NORMALISED" | "IMPORT_FORM_INCOMPLETE" | "IMPORT_ROW_SKIPPED" | "IMPORT_CELL_IGNORED" | "IMPORT_MONEY_UNIT_ASSUMED" | "IMPORT_MONEY_UNIT_CONFLICT" | "IMPORT_HIDDEN_READ" | "INVALID_FORM" | "INVALID_REVIEW" | "INVALID_JSON" | "INVALID_UTF8" | "JSON_TOO_DEEP" | "EMPTY_BODY" | "BODY_TOO_LARGE" | "LINE_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "NOT_ACCEPTABLE" | "BAD_REQUEST" | "NOT_FOUND" | "BAD_CURSOR" | "METHOD_NOT_ALLOWED" | "REQUEST_TIMEOUT" | "URI_TOO_LONG" | "EXPECTATION_FAILED" | "HEADERS_TOO_LARGE" | "MULTIPART_LIMIT" | "UNKNOWN_POLICY" | "UNAUTHORIZED" | "FORBIDDEN" | "CONFLICT" | "TOO_MANY_REQUESTS" | "SERVICE_UNAVAILABLE" | "INTERNAL" | "JOB_TOO_LARGE" | "JOB_LIMIT" | "JOB_FINISHED" | "CALLBACK_NOT_ALLOWED" | "TARGET_EMPTY" | "TARGET_NOT_MEASURABLE" | "TARGET_NO_UNIT" | "TARGET_NO_OPERATOR" | "TARGET_AMBIGUOUS";
            errors?: components["schemas"]["ProblemError"][];
        };
        /** @description 一个问题：代码、位置（JSON 指针）与说明 */
        ProblemError: {
            /** @enum {string} */
            code: "REQUIRED" | "INVALID_TYPE" | "NOT_A_NUMBER" | "NEGATIVE_NUMBER" | "MONEY_UNIT_MISMATCH" | "EMPTY_TEXT" | "TEXT_TOO_LONG" | "INVALID_VALUE" | "INVALID_YEAR" | "INVALID_CODE" | "EMPTY_INDICATORS" | "EMPTY_FUNDS" | "VALUE_OUT_OF_RANGE" | "TOO_MANY_ITEMS" | "NOT_AN_OBJECT" | "REVIEW_REASON_REQUIRED" | "REVIEW_INDICATOR_UNKNOWN" | "REVIEW_INDICATOR_AMBIGUOUS" | "REVIEW_INDICATOR_TWICE" | "REVIEW_SCORE_OUT_OF_RANGE" | "UNSAFE_INTEGER" | "STANDARD_KEY_MISMATCH" | "WEIGHT_SUM" | "LEVEL_POINTS_DEVIATE" | "TOTAL_MISMATCH" | "GRADE_MISMATCH" | "SCORE_MISMATCH" | "EXEC_RATE_MISMATCH" | "EXEC_RATE_ROUNDED" | "EXEC_RATE_NOT_REPORTED" | "EXEC_SCORE_MISMATCH" | "BALANCE_MISMATCH" | "FUNDS_SUM_MISMATCH" | "BUDGET_FROM_PARTS" | "EXEC_RATE_OVER_100" | "ZERO_BUDGET" | "EXEC_WITHOUT_BUDGET" | "FUNDS_FIGURE_MISSING" | "FUNDS_ROW_FIGURE_MISSING" | "FUNDS_TOTAL_CONFLICT" | "BUDGET_PARTS_MISMATCH" | "FUNDS_UNIT_SUSPECT" | "LOW_EXEC_REASON_REQUIRED" | "POLICY_YEAR_FALLBACK" | "FUND_TABLES_MISMATCH" | "DEPT_CATEGORY_UNKNOWN" | "GOAL_RATIO_SUM" | "TARGET_MISSING" | "ACTUAL_MISSING" | "ACTUAL_NOT_NUMERIC" | "ACTUAL_HAS_OPERATOR" | "ACTUAL_NEGATIVE" | "UNIT_MISMATCH" | "UNIT_CONVERTED" | "UNIT_UNKNOWN" | "TARGET_UNPARSED" | "ROW_NOT_APPLICABLE" | "OPERATOR_NOT_AUTOSCORED" | "OPERATOR_INFERRED" | "OPERATOR_CONFLICT" | "DATE_TARGET" | "OVERACHIEVED" | "REASON_REQUIRED" | "QUAL_TIER_UNKNOWN" | "QUAL_TIER_INFERRED" | "NEEDS_MANUAL_SCORE" | "QUAL_SCORE_OUT_OF_RANGE" | "QUAL_SCORE_FROM_REPORTED" | "MANUAL_SCORE_NOT_ALLOWED" | "SCORE_OUT_OF_RANGE" | "DEDUCTION_NOT_ALLOWED" | "DEDUCTION_WITHOUT_REASON" | "COST_ROW_CAPPED" | "ROW_SKIPPED" | "ROW_BLANK" | "ANSWER_MISMATCH" | "ANSWER_UNCLEAR" | "ABOVE_RANGE" | "NEGATIVE_TARGET_MISSED" | "STRICT_OPERATOR_NOT_MET" | "VALUE_AMBIGUOUS" | "TARGET_APPROXIMATE" | "ACTUAL_NOT_EXACT" | "QUAL_MEANING_CONFLICT" | "DUPLICATE_INDICATOR" | "LEVEL_UNKNOWN" | "RENORMALISED" | "POSSIBLE_DOUBLE_COUNT" | "UNKNOWN_FIELD" | "STANDARD_FIELD_CONFLICT" | "UNKNOWN_FIELDS_MORE" | "REVIEW_ACTUAL_CHANGED" | "REVIEW_SCORE_CHANGED" | "REVIEW_SCORE_VS_COMPUTED" | "REVIEW_TOTAL_CHANGED" | "REVIEW_TOTAL_VS_COMPUTED" | "REVIEW_GRADE_MISMATCH" | "REVIEW_RULE_APPLIED" | "REVIEW_RULE_NOT_APPLIED" | "IMPORT_SHEET_NOT_FOUND" | "IMPORT_NO_FORM" | "IMPORT_HEADER_MISSING" | "IMPORT_CELL_UNREADABLE" | "IMPORT_FORMULA_NO_RESULT" | "IMPORT_TOO_MANY_ROWS" | "IMPORT_EMPTY_SHEET" | "IMPORT_NOT_XLSX" | "IMPORT_ENCRYPTED" | "IMPORT_TOO_LARGE" | "IMPORT_SHEET_SKIPPED" | "IMPORT_REGION_INFERRED" | "IMPORT_VALUE_NORMALISED" | "IMPORT_FORM_INCOMPLETE" | "IMPORT_ROW_SKIPPED" | "IMPORT_CELL_IGNORED" | "IMPORT_MONEY_UNIT_ASSUMED" | "IMPORT_MONEY_UNIT_CONFLICT" | "IMPORT_HIDDEN_READ" | "INVALID_FORM" | "INVALID_REVIEW" | "INVALID_JSON" | "INVALID_UTF8" | "JSON_TOO_DEEP" | "EMPTY_BODY" | "BODY_TOO_LARGE" | "LINE_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "NOT_ACCEPTABLE" | "BAD_REQUEST" | "NOT_FOUND" | "BAD_CURSOR" | "METHOD_NOT_ALLOWED" | "REQUEST_TIMEOUT" | "URI_TOO_LONG" | "EXPECTATION_FAILED" | "HEADERS_TOO_LARGE" | "MULTIPART_LIMIT" | "UNKNOWN_POLICY" | "UNAUTHORIZED" | "FORBIDDEN" | "CONFLICT" | "TOO_MANY_REQUESTS" | "SERVICE_UNAVAILABLE" | "INTERNAL" | "JOB_TOO_LARGE" | "JOB_LIMIT" | "JOB_FINISHED" | "CALLBACK_NOT_ALLOWED" | "TARGET_EMPTY" | "TARGET_NOT_MEASURABLE" | "TARGET_NO_UNIT" | "TARGET_NO_OPERATOR" | "TARGET_AMBIGUOUS";
            /** @description RFC 6901 JSON pointer into the request body ("" = the whole body) */
            pointer: string;
            message: string;
        };
        /** @description 一个问题：代码、位置（JSON 指针）与说明 */
        ProblemErrorInput: {
            /** @enum {string} */
            code: "REQUIRED" | "INVALID_TYPE" | "NOT_A_NUMBER" | "NEGATIVE_NUMBER" | "MONEY_UNIT_MISMATCH" | "EMPTY_TEXT" | "TEXT_TOO_LONG" | "INVALID_VALUE" | "INVALID_YEAR" | "INVALID_CODE" | "EMPTY_INDICATORS" | "EMPTY_FUNDS" | "VALUE_OUT_OF_RANGE" | "TOO_MANY_ITEMS" | "NOT_AN_OBJECT" | "REVIEW_REASON_REQUIRED" | "REVIEW_INDICATOR_UNKNOWN" | "REVIEW_INDICATOR_AMBIGUOUS" | "REVIEW_INDICATOR_TWICE" | "REVIEW_SCORE_OUT_OF_RANGE" | "UNSAFE_INTEGER" | "STANDARD_KEY_MISMATCH" | "WEIGHT_SUM" | "LEVEL_POINTS_DEVIATE" | "TOTAL_MISMATCH" | "GRADE_MISMATCH" | "SCORE_MISMATCH" | "EXEC_RATE_MISMATCH" | "EXEC_RATE_ROUNDED" | "EXEC_RATE_NOT_REPORTED" | "EXEC_SCORE_MISMATCH" | "BALANCE_MISMATCH" | "FUNDS_SUM_MISMATCH" | "BUDGET_FROM_PARTS" | "EXEC_RATE_OVER_100" | "ZERO_BUDGET" | "EXEC_WITHOUT_BUDGET" | "FUNDS_FIGURE_MISSING" | "FUNDS_ROW_FIGURE_MISSING" | "FUNDS_TOTAL_CONFLICT" | "BUDGET_PARTS_MISMATCH" | "FUNDS_UNIT_SUSPECT" | "LOW_EXEC_REASON_REQUIRED" | "POLICY_YEAR_FALLBACK" | "FUND_TABLES_MISMATCH" | "DEPT_CATEGORY_UNKNOWN" | "GOAL_RATIO_SUM" | "TARGET_MISSING" | "ACTUAL_MISSING" | "ACTUAL_NOT_NUMERIC" | "ACTUAL_HAS_OPERATOR" | "ACTUAL_NEGATIVE" | "UNIT_MISMATCH" | "UNIT_CONVERTED" | "UNIT_UNKNOWN" | "TARGET_UNPARSED" | "ROW_NOT_APPLICABLE" | "OPERATOR_NOT_AUTOSCORED" | "OPERATOR_INFERRED" | "OPERATOR_CONFLICT" | "DATE_TARGET" | "OVERACHIEVED" | "REASON_REQUIRED" | "QUAL_TIER_UNKNOWN" | "QUAL_TIER_INFERRED" | "NEEDS_MANUAL_SCORE" | "QUAL_SCORE_OUT_OF_RANGE" | "QUAL_SCORE_FROM_REPORTED" | "MANUAL_SCORE_NOT_ALLOWED" | "SCORE_OUT_OF_RANGE" | "DEDUCTION_NOT_ALLOWED" | "DEDUCTION_WITHOUT_REASON" | "COST_ROW_CAPPED" | "ROW_SKIPPED" | "ROW_BLANK" | "ANSWER_MISMATCH" | "ANSWER_UNCLEAR" | "ABOVE_RANGE" | "NEGATIVE_TARGET_MISSED" | "STRICT_OPERATOR_NOT_MET" | "VALUE_AMBIGUOUS" | "TARGET_APPROXIMATE" | "ACTUAL_NOT_EXACT" | "QUAL_MEANING_CONFLICT" | "DUPLICATE_INDICATOR" | "LEVEL_UNKNOWN" | "RENORMALISED" | "POSSIBLE_DOUBLE_COUNT" | "UNKNOWN_FIELD" | "STANDARD_FIELD_CONFLICT" | "UNKNOWN_FIELDS_MORE" | "REVIEW_ACTUAL_CHANGED" | "REVIEW_SCORE_CHANGED" | "REVIEW_SCORE_VS_COMPUTED" | "REVIEW_TOTAL_CHANGED" | "REVIEW_TOTAL_VS_COMPUTED" | "REVIEW_GRADE_MISMATCH" | "REVIEW_RULE_APPLIED" | "REVIEW_RULE_NOT_APPLIED" | "IMPORT_SHEET_NOT_FOUND" | "IMPORT_NO_FORM" | "IMPORT_HEADER_MISSING" | "IMPORT_CELL_UNREADABLE" | "IMPORT_FORMULA_NO_RESULT" | "IMPORT_TOO_MANY_ROWS" | "IMPORT_EMPTY_SHEET" | "IMPORT_NOT_XLSX" | "IMPORT_ENCRYPTED" | "IMPORT_TOO_LARGE" | "IMPORT_SHEET_SKIPPED" | "IMPORT_REGION_INFERRED" | "IMPORT_VALUE_NORMALISED" | "IMPORT_FORM_INCOMPLETE" | "IMPORT_ROW_SKIPPED" | "IMPORT_CELL_IGNORED" | "IMPORT_MONEY_UNIT_ASSUMED" | "IMPORT_MONEY_UNIT_CONFLICT" | "IMPORT_HIDDEN_READ" | "INVALID_FORM" | "INVALID_REVIEW" | "INVALID_JSON" | "INVALID_UTF8" | "JSON_TOO_DEEP" | "EMPTY_BODY" | "BODY_TOO_LARGE" | "LINE_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "NOT_ACCEPTABLE" | "BAD_REQUEST" | "NOT_FOUND" | "BAD_CURSOR" | "METHOD_NOT_ALLOWED" | "REQUEST_TIMEOUT" | "URI_TOO_LONG" | "EXPECTATION_FAILED" | "HEADERS_TOO_LARGE" | "MULTIPART_LIMIT" | "UNKNOWN_POLICY" | "UNAUTHORIZED" | "FORBIDDEN" | "CONFLICT" | "TOO_MANY_REQUESTS" | "SERVICE_UNAVAILABLE" | "INTERNAL" | "JOB_TOO_LARGE" | "JOB_LIMIT" | "JOB_FINISHED" | "CALLBACK_NOT_ALLOWED" | "TARGET_EMPTY" | "TARGET_NOT_MEASURABLE" | "TARGET_NO_UNIT" | "TARGET_NO_OPERATOR" | "TARGET_AMBIGUOUS";
            /** @description RFC 6901 JSON pointer into the request body ("" = the whole body) */
            pointer: string;
            message: string;
        };
        /** @description RFC 9457 application/problem+json；默认中文，Accept-Language: en 时为英文 */
        ProblemInput: {
            /** @description urn:jixiao:problem:<code> */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @enum {string} */
            code: "REQUIRED" | "INVALID_TYPE" | "NOT_A_NUMBER" | "NEGATIVE_NUMBER" | "MONEY_UNIT_MISMATCH" | "EMPTY_TEXT" | "TEXT_TOO_LONG" | "INVALID_VALUE" | "INVALID_YEAR" | "INVALID_CODE" | "EMPTY_INDICATORS" | "EMPTY_FUNDS" | "VALUE_OUT_OF_RANGE" | "TOO_MANY_ITEMS" | "NOT_AN_OBJECT" | "REVIEW_REASON_REQUIRED" | "REVIEW_INDICATOR_UNKNOWN" | "REVIEW_INDICATOR_AMBIGUOUS" | "REVIEW_INDICATOR_TWICE" | "REVIEW_SCORE_OUT_OF_RANGE" | "UNSAFE_INTEGER" | "STANDARD_KEY_MISMATCH" | "WEIGHT_SUM" | "LEVEL_POINTS_DEVIATE" | "TOTAL_MISMATCH" | "GRADE_MISMATCH" | "SCORE_MISMATCH" | "EXEC_RATE_MISMATCH" | "EXEC_RATE_ROUNDED" | "EXEC_RATE_NOT_REPORTED" | "EXEC_SCORE_MISMATCH" | "BALANCE_MISMATCH" | "FUNDS_SUM_MISMATCH" | "BUDGET_FROM_PARTS" | "EXEC_RATE_OVER_100" | "ZERO_BUDGET" | "EXEC_WITHOUT_BUDGET" | "FUNDS_FIGURE_MISSING" | "FUNDS_ROW_FIGURE_MISSING" | "FUNDS_TOTAL_CONFLICT" | "BUDGET_PARTS_MISMATCH" | "FUNDS_UNIT_SUSPECT" | "LOW_EXEC_REASON_REQUIRED" | "POLICY_YEAR_FALLBACK" | "FUND_TABLES_MISMATCH" | "DEPT_CATEGORY_UNKNOWN" | "GOAL_RATIO_SUM" | "TARGET_MISSING" | "ACTUAL_MISSING" | "ACTUAL_NOT_NUMERIC" | "ACTUAL_HAS_OPERATOR" | "ACTUAL_NEGATIVE" | "UNIT_MISMATCH" | "UNIT_CONVERTED" | "UNIT_UNKNOWN" | "TARGET_UNPARSED" | "ROW_NOT_APPLICABLE" | "OPERATOR_NOT_AUTOSCORED" | "OPERATOR_INFERRED" | "OPERATOR_CONFLICT" | "DATE_TARGET" | "OVERACHIEVED" | "REASON_REQUIRED" | "QUAL_TIER_UNKNOWN" | "QUAL_TIER_INFERRED" | "NEEDS_MANUAL_SCORE" | "QUAL_SCORE_OUT_OF_RANGE" | "QUAL_SCORE_FROM_REPORTED" | "MANUAL_SCORE_NOT_ALLOWED" | "SCORE_OUT_OF_RANGE" | "DEDUCTION_NOT_ALLOWED" | "DEDUCTION_WITHOUT_REASON" | "COST_ROW_CAPPED" | "ROW_SKIPPED" | "ROW_BLANK" | "ANSWER_MISMATCH" | "ANSWER_UNCLEAR" | "ABOVE_RANGE" | "NEGATIVE_TARGET_MISSED" | "STRICT_OPERATOR_NOT_MET" | "VALUE_AMBIGUOUS" | "TARGET_APPROXIMATE" | "ACTUAL_NOT_EXACT" | "QUAL_MEANING_CONFLICT" | "DUPLICATE_INDICATOR" | "LEVEL_UNKNOWN" | "RENORMALISED" | "POSSIBLE_DOUBLE_COUNT" | "UNKNOWN_FIELD" | "STANDARD_FIELD_CONFLICT" | "UNKNOWN_FIELDS_MORE" | "REVIEW_ACTUAL_CHANGED" | "REVIEW_SCORE_CHANGED" | "REVIEW_SCORE_VS_COMPUTED" | "REVIEW_TOTAL_CHANGED" | "REVIEW_TOTAL_VS_COMPUTED" | "REVIEW_GRADE_MISMATCH" | "REVIEW_RULE_APPLIED" | "REVIEW_RULE_NOT_APPLIED" | "IMPORT_SHEET_NOT_FOUND" | "IMPORT_NO_FORM" | "IMPORT_HEADER_MISSING" | "IMPORT_CELL_UNREADABLE" | "IMPORT_FORMULA_NO_RESULT" | "IMPORT_TOO_MANY_ROWS" | "IMPORT_EMPTY_SHEET" | "IMPORT_NOT_XLSX" | "IMPORT_ENCRYPTED" | "IMPORT_TOO_LARGE" | "IMPORT_SHEET_SKIPPED" | "IMPORT_REGION_INFERRED" | "IMPORT_VALUE_NORMALISED" | "IMPORT_FORM_INCOMPLETE" | "IMPORT_ROW_SKIPPED" | "IMPORT_CELL_IGNORED" | "IMPORT_MONEY_UNIT_ASSUMED" | "IMPORT_MONEY_UNIT_CONFLICT" | "IMPORT_HIDDEN_READ" | "INVALID_FORM" | "INVALID_REVIEW" | "INVALID_JSON" | "INVALID_UTF8" | "JSON_TOO_DEEP" | "EMPTY_BODY" | "BODY_TOO_LARGE" | "LINE_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "NOT_ACCEPTABLE" | "BAD_REQUEST" | "NOT_FOUND" | "BAD_CURSOR" | "METHOD_NOT_ALLOWED" | "REQUEST_TIMEOUT" | "URI_TOO_LONG" | "EXPECTATION_FAILED" | "HEADERS_TOO_LARGE" | "MULTIPART_LIMIT" | "UNKNOWN_POLICY" | "UNAUTHORIZED" | "FORBIDDEN" | "CONFLICT" | "TOO_MANY_REQUESTS" | "SERVICE_UNAVAILABLE" | "INTERNAL" | "JOB_TOO_LARGE" | "JOB_LIMIT" | "JOB_FINISHED" | "CALLBACK_NOT_ALLOWED" | "TARGET_EMPTY" | "TARGET_NOT_MEASURABLE" | "TARGET_NO_UNIT" | "TARGET_NO_OPERATOR" | "TARGET_AMBIGUOUS";
            errors?: components["schemas"]["ProblemErrorInput"][];
        };
        /** @description 项目支出绩效自评表 */
        ProjectForm: {
            /**
             * @description 表单类型：project = 项目支出绩效自评表（默认）；部门（单位）整体支出绩效自评表为 department（DepartmentForm）
             * @default project
             * @constant
             */
            kind: "project";
            /** @description 自评信息主键 (eval_id)；批量评分时用于对应结果 */
            id?: string;
            /** @description 评价年度 / 预算年度 (fiscal_year)，如 2022 */
            fiscalYear: number;
            /** @description 财政区划代码 (mof_div_code)，如 140000（山西省）；用于选择适用的评分政策 */
            mofDivCode?: string;
            /** @description 主管部门代码 (dept_code)，如 209 */
            deptCode?: string;
            /** @description 主管部门名称 (dept_name) */
            deptName?: string;
            /** @description 预算单位代码 (agency_code)，如 209100 */
            agencyCode?: string;
            /** @description 预算单位名称 (agency_name) */
            agencyName?: string;
            /** @description 项目代码 (pro_code) */
            proCode?: string;
            /** @description 项目名称 (pro_name) */
            proName: string;
            /**
             * @description 金额单位；表单通常为万元，一体化规范表为元
             * @default 万元
             * @enum {string}
             */
            moneyUnit: "万元" | "元";
            funds: components["schemas"]["Funds"];
            goals?: components["schemas"]["Goal"][];
            indicators: components["schemas"]["Indicator"][];
            /** @description 填报总分 (total_eval_value) */
            reportedTotal?: unknown;
            /** @description 填报等级：优 / 良 / 中 / 差 */
            reportedGrade?: string;
            analysis?: components["schemas"]["Analysis"];
        };
        /** @description 项目支出绩效自评表 */
        ProjectFormInput: {
            /**
             * @description 表单类型：project = 项目支出绩效自评表（默认）；部门（单位）整体支出绩效自评表为 department（DepartmentForm）
             * @default project
             * @constant
             */
            kind: "project";
            /** @description 自评信息主键 (eval_id)；批量评分时用于对应结果 */
            id?: string | number;
            /** @description 评价年度 / 预算年度 (fiscal_year)，如 2022 */
            fiscalYear: number | string;
            /** @description 财政区划代码 (mof_div_code)，如 140000（山西省）；用于选择适用的评分政策 */
            mofDivCode?: string | number;
            /** @description 主管部门代码 (dept_code)，如 209 */
            deptCode?: string | number;
            /** @description 主管部门名称 (dept_name) */
            deptName?: string | number;
            /** @description 预算单位代码 (agency_code)，如 209100 */
            agencyCode?: string | number;
            /** @description 预算单位名称 (agency_name) */
            agencyName?: string | number;
            /** @description 项目代码 (pro_code) */
            proCode?: string | number;
            /** @description 项目名称 (pro_name) */
            proName: string | number;
            /**
             * @description 金额单位；表单通常为万元，一体化规范表为元
             * @default 万元
             * @enum {string}
             */
            moneyUnit: "万元" | "元";
            funds: components["schemas"]["FundsInput"];
            goals?: components["schemas"]["GoalInput"][];
            indicators: components["schemas"]["IndicatorInput"][];
            /** @description 填报总分 (total_eval_value) */
            reportedTotal?: number | string | null;
            /** @description 填报等级：优 / 良 / 中 / 差 */
            reportedGrade?: string | number;
            analysis?: components["schemas"]["AnalysisInput"];
        };
        Ready: {
            /** @constant */
            status: "ready";
            /** @description 已加载的评分政策数 */
            policies: number;
            defaultPolicy: string;
        };
        ReadyInput: {
            /** @constant */
            status: "ready";
            /** @description 已加载的评分政策数 */
            policies: number;
            defaultPolicy: string;
        };
        /** @description 重新评分的结果：等级变化的自评表与无法评分的自评表 */
        RescoreAnswer: {
            /** @description 没有可重新评分的自评表时为 null */
            rescoreId: string | null;
            policy: string | null;
            year: number;
            rescored: number;
            /** @description 等级变化的自评表数 */
            changed: number;
            /** @description 总分变化的自评表数 */
            totalChanged: number;
            changes: {
                id: string;
                proCode: string | null;
                proName: string;
                agencyCode: string;
                deptCode: string;
                version: number;
                from: {
                    /** @description 十进制数字符串 */
                    total: string;
                    grade: string | null;
                    policy: {
                        id: string;
                        version: string;
                    };
                } | null;
                to: {
                    /** @description 十进制数字符串 */
                    total: string;
                    grade: string | null;
                    policy: {
                        id: string;
                        version: string;
                    };
                };
            }[];
            failed: {
                id: string;
                problems: components["schemas"]["Finding"][];
            }[];
        };
        /** @description 重新评分的结果：等级变化的自评表与无法评分的自评表 */
        RescoreAnswerInput: {
            /** @description 没有可重新评分的自评表时为 null */
            rescoreId: string | null;
            policy: string | null;
            year: number;
            rescored: number;
            /** @description 等级变化的自评表数 */
            changed: number;
            /** @description 总分变化的自评表数 */
            totalChanged: number;
            changes: {
                id: string;
                proCode: string | null;
                proName: string;
                agencyCode: string;
                deptCode: string;
                version: number;
                from: {
                    /** @description 十进制数字符串 */
                    total: string;
                    grade: string | null;
                    policy: {
                        id: string;
                        version: string;
                    };
                } | null;
                to: {
                    /** @description 十进制数字符串 */
                    total: string;
                    grade: string | null;
                    policy: {
                        id: string;
                        version: string;
                    };
                };
            }[];
            failed: {
                id: string;
                problems: components["schemas"]["FindingInput"][];
            }[];
        };
        RescoreRequest: {
            /** @description 年度 */
            year: number;
            /** @description 评分政策 id；省略时按各表单的财政区划与年度选择适用的政策 */
            policy?: string;
            /** @default {} */
            filter: {
                department?: string;
                unit?: string;
                region?: string;
                proCode?: string;
                grade?: string;
                finding?: string;
                minScore?: string;
                maxScore?: string;
            };
        };
        RescoreRequestInput: {
            /** @description 年度 */
            year: number;
            /** @description 评分政策 id；省略时按各表单的财政区划与年度选择适用的政策 */
            policy?: string;
            /** @default {} */
            filter: {
                department?: string;
                unit?: string;
                region?: string;
                proCode?: string;
                grade?: string;
                finding?: string;
                minScore?: string;
                maxScore?: string;
            };
        };
        ReviewCreated: {
            id: string;
            version: number;
            /** @description true：该机构首次复核此版本；false：已有复核的新版本 */
            created: boolean;
            links: {
                self: string;
                version: string;
                export: string;
            };
            review: components["schemas"]["ReviewResult"];
        };
        ReviewCreatedInput: {
            id: string;
            version: number;
            /** @description true：该机构首次复核此版本；false：已有复核的新版本 */
            created: boolean;
            links: {
                self: string;
                version: string;
                export: string;
            };
            review: components["schemas"]["ReviewResultInput"];
        };
        /** @description 一份复核（某机构对某自评表版本的复核）及其当前版本摘要 */
        ReviewHead: {
            id: string;
            submissionId: string;
            submissionVersion: number;
            office: string;
            /** @enum {string} */
            level: "department" | "bureau";
            currentVersion: number;
            createdAt: string;
            updatedAt: string;
            submission: {
                mofDivCode: string;
                fiscalYear: number;
                deptCode: string;
                agencyCode: string;
                proCode: string | null;
                proName: string;
            };
            current: {
                version: number;
                gradeCode: string;
                rules: string | null;
                policy: {
                    id: string;
                    version: string;
                    hash: string;
                };
                selfTotal: string;
                reviewerTotal: string;
                computedTotal: string;
                computedGradeCode: string | null;
                inputHash: string;
                createdAt: string;
                keyId: string | null;
                keyName: string | null;
            };
        };
        /** @description 一份复核（某机构对某自评表版本的复核）及其当前版本摘要 */
        ReviewHeadInput: {
            id: string;
            submissionId: string;
            submissionVersion: number;
            office: string;
            /** @enum {string} */
            level: "department" | "bureau";
            currentVersion: number;
            createdAt: string;
            updatedAt: string;
            submission: {
                mofDivCode: string;
                fiscalYear: number;
                deptCode: string;
                agencyCode: string;
                proCode: string | null;
                proName: string;
            };
            current: {
                version: number;
                gradeCode: string;
                rules: string | null;
                policy: {
                    id: string;
                    version: string;
                    hash: string;
                };
                selfTotal: string;
                reviewerTotal: string;
                computedTotal: string;
                computedGradeCode: string | null;
                inputHash: string;
                createdAt: string;
                keyId: string | null;
                keyName: string | null;
            };
        };
        /** @description 一个指标的复核：用 index、pointer 或 name 之一指明行 */
        ReviewIndicatorInput: {
            /** @description 指标行序号（自评表 indicators 数组下标，从0起） */
            index?: number;
            /** @description 指标行的 JSON 指针，如 "/indicators/3" */
            pointer?: string;
            /** @description 三级指标名称（名称在表中唯一时可只写名称） */
            name?: string;
            /** @description 复核完成值；省略时沿用自评完成值 */
            actual?: string;
            /** @description 复核得分；省略时取按复核完成值计算的得分 */
            score?: unknown;
            /** @description 复核意见 / 扣分理由：复核得分低于分值时必填 */
            reason?: string;
            /** @description 佐证材料是否齐全；false = 无佐证材料（规则包 no-evidence） */
            evidence?: boolean;
            /** @description 满意度指标：是否开展了满意度调查；false = 未开展（规则包 satisfaction-without-survey） */
            survey?: boolean;
        };
        /** @description 一个指标的复核：用 index、pointer 或 name 之一指明行 */
        ReviewIndicatorInputInput: {
            /** @description 指标行序号（自评表 indicators 数组下标，从0起） */
            index?: number;
            /** @description 指标行的 JSON 指针，如 "/indicators/3" */
            pointer?: string;
            /** @description 三级指标名称（名称在表中唯一时可只写名称） */
            name?: string | number;
            /** @description 复核完成值；省略时沿用自评完成值 */
            actual?: string | number;
            /** @description 复核得分；省略时取按复核完成值计算的得分 */
            score?: number | string | null;
            /** @description 复核意见 / 扣分理由：复核得分低于分值时必填 */
            reason?: string | number;
            /** @description 佐证材料是否齐全；false = 无佐证材料（规则包 no-evidence） */
            evidence?: boolean;
            /** @description 满意度指标：是否开展了满意度调查；false = 未开展（规则包 satisfaction-without-survey） */
            survey?: boolean;
        };
        /** @description 复核意见：逐项复核完成值、复核得分与理由，抽评等级与复核结论 */
        ReviewInput: {
            /** @description 抽评等级（值集 RANDOMGRADE）：1 优、2 良、3 中、4 差，写代码或名称 */
            grade: unknown;
            /** @description 复核结论 */
            conclusion: string;
            /**
             * @description 逐项复核；未列出的指标视为未复核（沿用自评完成值与计算得分）
             * @default []
             */
            indicators: components["schemas"]["ReviewIndicatorInput"][];
        };
        /** @description 复核意见：逐项复核完成值、复核得分与理由，抽评等级与复核结论 */
        ReviewInputInput: {
            /** @description 抽评等级（值集 RANDOMGRADE）：1 优、2 良、3 中、4 差，写代码或名称 */
            grade: number | string;
            /** @description 复核结论 */
            conclusion: string | number;
            /** @description 逐项复核；未列出的指标视为未复核（沿用自评完成值与计算得分） */
            indicators?: components["schemas"]["ReviewIndicatorInputInput"][];
        };
        /** @description 一份复核：当前版本的对照与全部版本 */
        ReviewOne: {
            id: string;
            submissionId: string;
            submissionVersion: number;
            office: string;
            /** @enum {string} */
            level: "department" | "bureau";
            currentVersion: number;
            createdAt: string;
            updatedAt: string;
            submission: {
                mofDivCode: string;
                fiscalYear: number;
                deptCode: string;
                agencyCode: string;
                proCode: string | null;
                proName: string;
            };
            current: {
                version: number;
                gradeCode: string;
                rules: string | null;
                policy: {
                    id: string;
                    version: string;
                    hash: string;
                };
                selfTotal: string;
                reviewerTotal: string;
                computedTotal: string;
                computedGradeCode: string | null;
                inputHash: string;
                createdAt: string;
                keyId: string | null;
                keyName: string | null;
            };
            review: components["schemas"]["ReviewResult"];
            versions: {
                version: number;
                gradeCode: string;
                rules: string | null;
                policy: {
                    id: string;
                    version: string;
                    hash: string;
                };
                selfTotal: string;
                reviewerTotal: string;
                computedTotal: string;
                computedGradeCode: string | null;
                inputHash: string;
                createdAt: string;
                keyId: string | null;
                keyName: string | null;
            }[];
        };
        /** @description 一份复核：当前版本的对照与全部版本 */
        ReviewOneInput: {
            id: string;
            submissionId: string;
            submissionVersion: number;
            office: string;
            /** @enum {string} */
            level: "department" | "bureau";
            currentVersion: number;
            createdAt: string;
            updatedAt: string;
            submission: {
                mofDivCode: string;
                fiscalYear: number;
                deptCode: string;
                agencyCode: string;
                proCode: string | null;
                proName: string;
            };
            current: {
                version: number;
                gradeCode: string;
                rules: string | null;
                policy: {
                    id: string;
                    version: string;
                    hash: string;
                };
                selfTotal: string;
                reviewerTotal: string;
                computedTotal: string;
                computedGradeCode: string | null;
                inputHash: string;
                createdAt: string;
                keyId: string | null;
                keyName: string | null;
            };
            review: components["schemas"]["ReviewResultInput"];
            versions: {
                version: number;
                gradeCode: string;
                rules: string | null;
                policy: {
                    id: string;
                    version: string;
                    hash: string;
                };
                selfTotal: string;
                reviewerTotal: string;
                computedTotal: string;
                computedGradeCode: string | null;
                inputHash: string;
                createdAt: string;
                keyId: string | null;
                keyName: string | null;
            }[];
        };
        ReviewPage: {
            items: components["schemas"]["ReviewHead"][];
            /** @description 下一页的游标；最后一页为 null */
            next: string | null;
        };
        ReviewPageInput: {
            items: components["schemas"]["ReviewHeadInput"][];
            /** @description 下一页的游标；最后一页为 null */
            next: string | null;
        };
        /** @description 复核对照：逐项与合计的自评 / 复核 / 计算，差异作为问题列出 */
        ReviewResult: {
            /** @constant */
            schemaVersion: "1";
            submission: {
                id: string;
                version: number;
                fiscalYear: number;
                mofDivCode: string;
                deptCode: string;
                agencyCode: string;
                proCode: string | null;
                proName: string;
            };
            reviewer: {
                /** @enum {string} */
                level: "department" | "bureau";
                /** @description 复核机构："dept:209"、"bureau:140000" 或 "bureau:*" */
                office: string;
                keyId: string | null;
                name: string;
            };
            policy: components["schemas"]["PolicyRef"];
            /** @description 启用的复核口径规则包（实务做法，非政策规定）；null = 未启用 */
            rules: {
                id: string;
                version: string;
                label: string;
                labelZh: string;
            } | null;
            /** @description 抽评等级 */
            grade: {
                code: string;
                label: string;
            };
            conclusion: string;
            funds: {
                /** @description 预算执行率得分（复核不改变资金数据） */
                score: string;
            };
            indicators: components["schemas"]["ReviewRow"][];
            totals: {
                /** @description total / grade：填报总分与等级；computed：计算总分 */
                self: {
                    total: string | null;
                    grade: string | null;
                    gradeCode: string | null;
                    /** @description 十进制数字符串 */
                    computed: string;
                    computedGrade: string | null;
                };
                /** @description 复核总分 = 执行率得分 + Σ复核得分；等级为抽评等级 */
                reviewer: {
                    total: string | null;
                    grade: string | null;
                    gradeCode: string | null;
                    explanation: string;
                };
                /** @description 按复核完成值由评分引擎计算的总分与等级 */
                computed: {
                    total: string | null;
                    grade: string | null;
                    gradeCode: string | null;
                    explanation: string;
                    /** @description 计算总分为暂定：有需人工复核的指标（见 engineFindings） */
                    provisional: boolean;
                };
            };
            /** @description 自评、复核与计算之间的差异（REVIEW_* 代码） */
            findings: components["schemas"]["Finding"][];
            /** @description 评分引擎对复核后表单给出的问题 */
            engineFindings: components["schemas"]["Finding"][];
        };
        /** @description 复核对照：逐项与合计的自评 / 复核 / 计算，差异作为问题列出 */
        ReviewResultInput: {
            /** @constant */
            schemaVersion: "1";
            submission: {
                id: string;
                version: number;
                fiscalYear: number;
                mofDivCode: string;
                deptCode: string;
                agencyCode: string;
                proCode: string | null;
                proName: string;
            };
            reviewer: {
                /** @enum {string} */
                level: "department" | "bureau";
                /** @description 复核机构："dept:209"、"bureau:140000" 或 "bureau:*" */
                office: string;
                keyId: string | null;
                name: string;
            };
            policy: components["schemas"]["PolicyRefInput"];
            /** @description 启用的复核口径规则包（实务做法，非政策规定）；null = 未启用 */
            rules: {
                id: string;
                version: string;
                label: string;
                labelZh: string;
            } | null;
            /** @description 抽评等级 */
            grade: {
                code: string;
                label: string;
            };
            conclusion: string;
            funds: {
                /** @description 预算执行率得分（复核不改变资金数据） */
                score: string;
            };
            indicators: components["schemas"]["ReviewRowInput"][];
            totals: {
                /** @description total / grade：填报总分与等级；computed：计算总分 */
                self: {
                    total: string | null;
                    grade: string | null;
                    gradeCode: string | null;
                    /** @description 十进制数字符串 */
                    computed: string;
                    computedGrade: string | null;
                };
                /** @description 复核总分 = 执行率得分 + Σ复核得分；等级为抽评等级 */
                reviewer: {
                    total: string | null;
                    grade: string | null;
                    gradeCode: string | null;
                    explanation: string;
                };
                /** @description 按复核完成值由评分引擎计算的总分与等级 */
                computed: {
                    total: string | null;
                    grade: string | null;
                    gradeCode: string | null;
                    explanation: string;
                    /** @description 计算总分为暂定：有需人工复核的指标（见 engineFindings） */
                    provisional: boolean;
                };
            };
            /** @description 自评、复核与计算之间的差异（REVIEW_* 代码） */
            findings: components["schemas"]["FindingInput"][];
            /** @description 评分引擎对复核后表单给出的问题 */
            engineFindings: components["schemas"]["FindingInput"][];
        };
        /** @description 一个指标的对照：自评 / 复核 / 计算 */
        ReviewRow: {
            index: number;
            /** @description 自评表中该行的 JSON 指针 */
            pointer: string;
            level1: string;
            level2: string;
            name: string;
            /** @description 十进制数字符串 */
            points: string;
            target: string;
            self: {
                /** @description 自评完成值 */
                actual: string;
                /** @description 自评得分（填报） */
                score: string | null;
                /** @description 按自评完成值计算的得分（该版本的当前评分快照） */
                computed: string;
            };
            reviewer: {
                /** @description 复核意见是否列出该行 */
                reviewed: boolean;
                /** @description 复核意见中该项的 JSON 指针 */
                ref: string | null;
                /** @description 复核完成值（未写时沿用自评完成值） */
                actual: string;
                /** @description 复核得分（未写时取计算得分） */
                score: string;
                scoreGiven: boolean;
                reason: string | null;
                evidence: boolean | null;
                survey: boolean | null;
            };
            computed: {
                /** @description 按复核完成值（及启用的规则包）由同一评分引擎计算的得分 */
                score: string;
                status: string;
                explanation: string;
                /** @description 适用的规则包规则 id */
                rules: string[];
            };
            diff: {
                /** @description 复核得分 − 自评得分（无填报得分时与计算得分比） */
                reviewerVsSelf: string;
                /** @description 复核得分 − 计算得分 */
                reviewerVsComputed: string;
            };
        };
        /** @description 一个指标的对照：自评 / 复核 / 计算 */
        ReviewRowInput: {
            index: number;
            /** @description 自评表中该行的 JSON 指针 */
            pointer: string;
            level1: string;
            level2: string;
            name: string;
            /** @description 十进制数字符串 */
            points: string;
            target: string;
            self: {
                /** @description 自评完成值 */
                actual: string;
                /** @description 自评得分（填报） */
                score: string | null;
                /** @description 按自评完成值计算的得分（该版本的当前评分快照） */
                computed: string;
            };
            reviewer: {
                /** @description 复核意见是否列出该行 */
                reviewed: boolean;
                /** @description 复核意见中该项的 JSON 指针 */
                ref: string | null;
                /** @description 复核完成值（未写时沿用自评完成值） */
                actual: string;
                /** @description 复核得分（未写时取计算得分） */
                score: string;
                scoreGiven: boolean;
                reason: string | null;
                evidence: boolean | null;
                survey: boolean | null;
            };
            computed: {
                /** @description 按复核完成值（及启用的规则包）由同一评分引擎计算的得分 */
                score: string;
                status: string;
                explanation: string;
                /** @description 适用的规则包规则 id */
                rules: string[];
            };
            diff: {
                /** @description 复核得分 − 自评得分（无填报得分时与计算得分比） */
                reviewerVsSelf: string;
                /** @description 复核得分 − 计算得分 */
                reviewerVsComputed: string;
            };
        };
        ReviewRule: {
            id: string;
            /** @description 中文名称 */
            name: string;
            nameEn: string;
            /** @enum {string} */
            effect: "zero" | "reasonRequired";
            when: components["schemas"]["ReviewRuleWhen"];
            source?: string;
        };
        ReviewRuleInput: {
            id: string;
            /** @description 中文名称 */
            name: string;
            nameEn: string;
            /** @enum {string} */
            effect: "zero" | "reasonRequired";
            when: components["schemas"]["ReviewRuleWhenInput"];
            source?: string;
        };
        /** @description 复核口径规则包（实务做法，非政策规定） */
        ReviewRulePack: {
            $comment?: string;
            id: string;
            version: string;
            /** @constant */
            label: "practice, not policy";
            labelZh: string;
            description: string;
            sources: string[];
            rules: components["schemas"]["ReviewRule"][];
        };
        /** @description 复核口径规则包（实务做法，非政策规定） */
        ReviewRulePackInput: {
            $comment?: string;
            id: string;
            version: string;
            /** @constant */
            label: "practice, not policy";
            labelZh: string;
            description: string;
            sources: string[];
            rules: components["schemas"]["ReviewRuleInput"][];
        };
        ReviewRuleWhen: {
            /** @description 一级指标键（output / benefit / satisfaction / cost），任一相同即适用 */
            level1Key?: string[];
            /** @description 二级指标键（output.quantity …），任一相同即适用 */
            level2Key?: string[];
            /** @description 三级指标名称含其中任一词 */
            nameContains?: string[];
            /**
             * @description 复核意见写明无佐证材料（evidence: false）
             * @constant
             */
            evidence?: false;
            /**
             * @description 复核意见写明未开展满意度调查（survey: false）
             * @constant
             */
            survey?: false;
            /** @description 引擎对该行给出此问题代码（如 DUPLICATE_INDICATOR：重复指标的第二次及以后） */
            finding?: string;
            /**
             * @description 复核得分与自评得分不同
             * @constant
             */
            scoreChanged?: true;
        };
        ReviewRuleWhenInput: {
            /** @description 一级指标键（output / benefit / satisfaction / cost），任一相同即适用 */
            level1Key?: string[];
            /** @description 二级指标键（output.quantity …），任一相同即适用 */
            level2Key?: string[];
            /** @description 三级指标名称含其中任一词 */
            nameContains?: string[];
            /**
             * @description 复核意见写明无佐证材料（evidence: false）
             * @constant
             */
            evidence?: false;
            /**
             * @description 复核意见写明未开展满意度调查（survey: false）
             * @constant
             */
            survey?: false;
            /** @description 引擎对该行给出此问题代码（如 DUPLICATE_INDICATOR：重复指标的第二次及以后） */
            finding?: string;
            /**
             * @description 复核得分与自评得分不同
             * @constant
             */
            scoreChanged?: true;
        };
        ReviewVersion: {
            version: number;
            gradeCode: string;
            rules: string | null;
            policy: {
                id: string;
                version: string;
                hash: string;
            };
            selfTotal: string;
            reviewerTotal: string;
            computedTotal: string;
            computedGradeCode: string | null;
            inputHash: string;
            createdAt: string;
            keyId: string | null;
            keyName: string | null;
            id: string;
            /** @description 复核意见原文（ReviewInput） */
            input: unknown;
            result: components["schemas"]["ReviewResult"];
        };
        ReviewVersionInput: {
            version: number;
            gradeCode: string;
            rules: string | null;
            policy: {
                id: string;
                version: string;
                hash: string;
            };
            selfTotal: string;
            reviewerTotal: string;
            computedTotal: string;
            computedGradeCode: string | null;
            inputHash: string;
            createdAt: string;
            keyId: string | null;
            keyName: string | null;
            id: string;
            /** @description 复核意见原文（ReviewInput） */
            input: unknown;
            result: components["schemas"]["ReviewResultInput"];
        };
        /** @description 自评表的计算结果：得分、等级、问题清单与偏差报告 */
        ScoreResult: {
            /**
             * @description 表单类型：部门（单位）整体支出时为 "department"；项目支出自评表没有此字段
             * @constant
             */
            kind?: "department";
            /** @constant */
            schemaVersion: "1";
            /** @enum {string} */
            status: "scored" | "needs_review";
            /** @description 十进制数字符串，如 "93.76" */
            total: string;
            grade: string | null;
            gradeCode: string | null;
            /** @description 评分政策是否要求评定等级（湖北：可不评级，仍给出计算等级） */
            gradeRequired: boolean;
            /** @description 总分与等级为暂定：有需人工复核的指标或预算执行情况，或分值合计不等于政策总分 */
            provisional: boolean;
            /** @description 总分与等级的计算过程，如“执行率得分 8.76 + 指标得分 85.00 = 93.76”、“93.76 ≥ 90 → 优” */
            explanation: {
                total: string;
                grade: string;
            };
            /** @description 分值合计（含预算执行率分值） */
            pointsTotal: string;
            policy: components["schemas"]["PolicyRef"];
            form: {
                id: string | null;
                fiscalYear: number;
                mofDivCode: string | null;
                deptCode: string | null;
                deptName: string | null;
                agencyCode: string | null;
                agencyName: string | null;
                proCode: string | null;
                proName: string;
            };
            reported: {
                total: string | null;
                grade: string | null;
            };
            funds: components["schemas"]["FundsResult"];
            indicators: components["schemas"]["IndicatorResult"][];
            subtotals: {
                level1: {
                    key: string | null;
                    name: string;
                    level1?: string;
                    /** @description 十进制数字符串，如 "93.76" */
                    points: string;
                    /** @description 十进制数字符串，如 "93.76" */
                    score: string;
                    /** @description 小计的计算过程，如“数量指标 10.00 + 8.50 = 18.50” */
                    explanation: string;
                }[];
                level2: {
                    key: string | null;
                    name: string;
                    level1?: string;
                    /** @description 十进制数字符串，如 "93.76" */
                    points: string;
                    /** @description 十进制数字符串，如 "93.76" */
                    score: string;
                    /** @description 小计的计算过程，如“数量指标 10.00 + 8.50 = 18.50” */
                    explanation: string;
                }[];
            };
            findings: components["schemas"]["Finding"][];
            summary: {
                errors: number;
                warnings: number;
                infos: number;
                byCode: {
                    [key: string]: number;
                };
            };
            deviations: {
                index: number;
                pointer: string;
                name: string;
                /** @enum {string} */
                status: "met" | "partly_met" | "not_met" | "over_achieved" | "qualitative_tier" | "skipped" | "needs_review";
                deviation: string | null;
                /** @description 十进制数字符串，如 "93.76" */
                score: string;
                /** @description 十进制数字符串，如 "93.76" */
                points: string;
                noteGiven: boolean;
                /** @description 按评分政策，该行是否必须填写偏差原因分析 */
                noteRequired: boolean;
                note: string | null;
                /** @enum {string} */
                reason: "missed" | "over_achieved" | "needs_review";
            }[];
            /** @description 部门（单位）整体支出：资金来源 / 方向核对与各目标小计（kind 为 department 时） */
            department?: components["schemas"]["DepartmentBlock"];
        };
        /** @description 自评表的计算结果：得分、等级、问题清单与偏差报告 */
        ScoreResultInput: {
            /**
             * @description 表单类型：部门（单位）整体支出时为 "department"；项目支出自评表没有此字段
             * @constant
             */
            kind?: "department";
            /** @constant */
            schemaVersion: "1";
            /** @enum {string} */
            status: "scored" | "needs_review";
            /** @description 十进制数字符串，如 "93.76" */
            total: string;
            grade: string | null;
            gradeCode: string | null;
            /** @description 评分政策是否要求评定等级（湖北：可不评级，仍给出计算等级） */
            gradeRequired: boolean;
            /** @description 总分与等级为暂定：有需人工复核的指标或预算执行情况，或分值合计不等于政策总分 */
            provisional: boolean;
            /** @description 总分与等级的计算过程，如“执行率得分 8.76 + 指标得分 85.00 = 93.76”、“93.76 ≥ 90 → 优” */
            explanation: {
                total: string;
                grade: string;
            };
            /** @description 分值合计（含预算执行率分值） */
            pointsTotal: string;
            policy: components["schemas"]["PolicyRefInput"];
            form: {
                id: string | null;
                fiscalYear: number;
                mofDivCode: string | null;
                deptCode: string | null;
                deptName: string | null;
                agencyCode: string | null;
                agencyName: string | null;
                proCode: string | null;
                proName: string;
            };
            reported: {
                total: string | null;
                grade: string | null;
            };
            funds: components["schemas"]["FundsResultInput"];
            indicators: components["schemas"]["IndicatorResultInput"][];
            subtotals: {
                level1: {
                    key: string | null;
                    name: string;
                    level1?: string;
                    /** @description 十进制数字符串，如 "93.76" */
                    points: string;
                    /** @description 十进制数字符串，如 "93.76" */
                    score: string;
                    /** @description 小计的计算过程，如“数量指标 10.00 + 8.50 = 18.50” */
                    explanation: string;
                }[];
                level2: {
                    key: string | null;
                    name: string;
                    level1?: string;
                    /** @description 十进制数字符串，如 "93.76" */
                    points: string;
                    /** @description 十进制数字符串，如 "93.76" */
                    score: string;
                    /** @description 小计的计算过程，如“数量指标 10.00 + 8.50 = 18.50” */
                    explanation: string;
                }[];
            };
            findings: components["schemas"]["FindingInput"][];
            summary: {
                errors: number;
                warnings: number;
                infos: number;
                byCode: {
                    [key: string]: number;
                };
            };
            deviations: {
                index: number;
                pointer: string;
                name: string;
                /** @enum {string} */
                status: "met" | "partly_met" | "not_met" | "over_achieved" | "qualitative_tier" | "skipped" | "needs_review";
                deviation: string | null;
                /** @description 十进制数字符串，如 "93.76" */
                score: string;
                /** @description 十进制数字符串，如 "93.76" */
                points: string;
                noteGiven: boolean;
                /** @description 按评分政策，该行是否必须填写偏差原因分析 */
                noteRequired: boolean;
                note: string | null;
                /** @enum {string} */
                reason: "missed" | "over_achieved" | "needs_review";
            }[];
            /** @description 部门（单位）整体支出：资金来源 / 方向核对与各目标小计（kind 为 department 时） */
            department?: components["schemas"]["DepartmentBlockInput"];
        };
        Snapshot: {
            snapshotId: number;
            /** @description 所评的版本号 */
            version: number;
            /** @enum {string} */
            reason: "submit" | "rescore";
            rescoreId: string | null;
            policy: {
                id: string;
                version: string;
                hash: string;
            };
            /** @description scored / needs-review */
            status: string;
            /** @description 十进制数字符串 */
            total: string;
            grade: string | null;
            gradeCode: string | null;
            reportedTotal: string | null;
            reportedGrade: string | null;
            /** @description 十进制数字符串 */
            pointsTotal: string;
            /** @description 全年预算数合计（万元） */
            budgetWan: string;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            result: components["schemas"]["ScoreResult"];
        };
        SnapshotInput: {
            snapshotId: number;
            /** @description 所评的版本号 */
            version: number;
            /** @enum {string} */
            reason: "submit" | "rescore";
            rescoreId: string | null;
            policy: {
                id: string;
                version: string;
                hash: string;
            };
            /** @description scored / needs-review */
            status: string;
            /** @description 十进制数字符串 */
            total: string;
            grade: string | null;
            gradeCode: string | null;
            reportedTotal: string | null;
            reportedGrade: string | null;
            /** @description 十进制数字符串 */
            pointsTotal: string;
            /** @description 全年预算数合计（万元） */
            budgetWan: string;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            result: components["schemas"]["ScoreResultInput"];
        };
        /** @description 一次评分的快照（不可变） */
        SnapshotSummary: {
            snapshotId: number;
            /** @description 所评的版本号 */
            version: number;
            /** @enum {string} */
            reason: "submit" | "rescore";
            rescoreId: string | null;
            policy: {
                id: string;
                version: string;
                hash: string;
            };
            /** @description scored / needs-review */
            status: string;
            /** @description 十进制数字符串 */
            total: string;
            grade: string | null;
            gradeCode: string | null;
            reportedTotal: string | null;
            reportedGrade: string | null;
            /** @description 十进制数字符串 */
            pointsTotal: string;
            /** @description 全年预算数合计（万元） */
            budgetWan: string;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
        };
        /** @description 一次评分的快照（不可变） */
        SnapshotSummaryInput: {
            snapshotId: number;
            /** @description 所评的版本号 */
            version: number;
            /** @enum {string} */
            reason: "submit" | "rescore";
            rescoreId: string | null;
            policy: {
                id: string;
                version: string;
                hash: string;
            };
            /** @description scored / needs-review */
            status: string;
            /** @description 十进制数字符串 */
            total: string;
            grade: string | null;
            gradeCode: string | null;
            reportedTotal: string | null;
            reportedGrade: string | null;
            /** @description 十进制数字符串 */
            pointsTotal: string;
            /** @description 全年预算数合计（万元） */
            budgetWan: string;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
        };
        /** @description 来源：已存储自评表的 id 与版本 */
        SourceRef: {
            id: string;
            version: number;
        };
        /** @description 来源：已存储自评表的 id 与版本 */
        SourceRefInput: {
            id: string;
            version: number;
        };
        /** @description 标准形状的评分结果：原样返回各行，并填入 total_eval_value、eval_score、exe_amt_rate、exe_score（结构化输入时按 符号 + 指标值 + 单位 组合 kpi_val）；jixiao 的附加内容全部在 jixiao 键下 */
        StandardAnswer: {
            /**
             * @description 金额单位：标准形状默认元（规范表金额为元）；不按数量级推测
             * @enum {string}
             */
            moneyUnit: "元" | "万元";
            pm_perf_self_eval: components["schemas"]["StandardSelfEval"];
            pm_self_eval_goal?: components["schemas"]["StandardSelfEvalGoal"][];
            pm_self_eval_indicator?: components["schemas"]["StandardSelfEvalIndicator"][];
            pm_perf_self_bgt?: components["schemas"]["StandardSelfBgt"][];
            /** @description jixiao 的全部附加内容：等级、问题清单（指针为标准形状的位置）、计算过程、解析值、评分政策 id 与哈希；detail=brief 时为 BriefResult */
            jixiao: components["schemas"]["ScoreResult"] | components["schemas"]["BriefResult"];
        };
        /** @description 标准形状的评分结果：原样返回各行，并填入 total_eval_value、eval_score、exe_amt_rate、exe_score（结构化输入时按 符号 + 指标值 + 单位 组合 kpi_val）；jixiao 的附加内容全部在 jixiao 键下 */
        StandardAnswerInput: {
            /**
             * @description 金额单位：标准形状默认元（规范表金额为元）；不按数量级推测
             * @enum {string}
             */
            moneyUnit: "元" | "万元";
            pm_perf_self_eval: components["schemas"]["StandardSelfEvalInput"];
            pm_self_eval_goal?: components["schemas"]["StandardSelfEvalGoalInput"][];
            pm_self_eval_indicator?: components["schemas"]["StandardSelfEvalIndicatorInput"][];
            pm_perf_self_bgt?: components["schemas"]["StandardSelfBgtInput"][];
            /** @description jixiao 的全部附加内容：等级、问题清单（指针为标准形状的位置）、计算过程、解析值、评分政策 id 与哈希；detail=brief 时为 BriefResult */
            jixiao: components["schemas"]["ScoreResultInput"] | components["schemas"]["BriefResultInput"];
        };
        /** @description 预算管理一体化规范表形状（小写列名）：自评信息表对象与目标、指标、资金三张表的行数组；也接受厂商工作列（computesign、meterunit、indexval、actualvalue、actualweight、score、kpi_remark、findex / sindex …）。未知列为 UNKNOWN_FIELD 警告。 */
        StandardBody: {
            /**
             * @description 金额单位：标准形状默认元（规范表金额为元）；不按数量级推测
             * @enum {string}
             */
            moneyUnit?: "元" | "万元";
            pm_perf_self_eval: components["schemas"]["StandardSelfEval"];
            pm_self_eval_goal?: components["schemas"]["StandardSelfEvalGoal"][];
            pm_self_eval_indicator: components["schemas"]["StandardSelfEvalIndicator"][];
            pm_perf_self_bgt: components["schemas"]["StandardSelfBgt"][];
        };
        /** @description 预算管理一体化规范表形状（小写列名）：自评信息表对象与目标、指标、资金三张表的行数组；也接受厂商工作列（computesign、meterunit、indexval、actualvalue、actualweight、score、kpi_remark、findex / sindex …）。未知列为 UNKNOWN_FIELD 警告。 */
        StandardBodyInput: {
            /**
             * @description 金额单位：标准形状默认元（规范表金额为元）；不按数量级推测
             * @enum {string}
             */
            moneyUnit?: "元" | "万元";
            pm_perf_self_eval: components["schemas"]["StandardSelfEvalInput"];
            pm_self_eval_goal?: components["schemas"]["StandardSelfEvalGoalInput"][];
            pm_self_eval_indicator: components["schemas"]["StandardSelfEvalIndicatorInput"][];
            pm_perf_self_bgt: components["schemas"]["StandardSelfBgtInput"][];
        };
        /** @description 项目预算执行完成情况 PM_PERF_SELF_BGT 的一行（资金来源） */
        StandardSelfBgt: {
            /** @description 项目资金执行表主键：原样返回 */
            bgt_eval_id?: string | number | null;
            /** @description 资金来源代码 */
            found_type_code?: string | number;
            /** @description 资金来源名称（必填）：资金总额 / 本年财政拨款 / 上年结转资金 / 其他资金 … */
            found_type_name?: string | number;
            /** @description 年初批复数 */
            reply_amt?: number | string | null;
            /** @description 年初预算数（厂商工作列）［厂商工作列］ */
            amt1?: number | string | null;
            /** @description 年度调整金额（可为负） */
            year_adj_amt?: number | string | null;
            /** @description 调整数（厂商工作列）［厂商工作列］ */
            amt2?: number | string | null;
            /** @description 变动后预算数：执行率的分母 */
            cur_amt?: number | string | null;
            /** @description 全年预算数（厂商工作列）［厂商工作列］ */
            amt3?: number | string | null;
            /** @description 全年执行数 */
            year_exe_amt?: number | string | null;
            /** @description 全年执行数（厂商工作列）［厂商工作列］ */
            amt4?: number | string | null;
            /** @description 资金执行率（百分数）：输入为填报值，输出为计算值 */
            exe_amt_rate?: number | string | null;
            /** @description 执行率（厂商工作列）：输入为填报值，输出为计算值［厂商工作列］ */
            bgtget?: number | string | null;
            /** @description 资金执行得分：输入为填报值，输出为计算值 */
            exe_score?: number | string | null;
            /** @description 是否资金总额行（jixiao 扩展列；省略时按名称识别）［jixiao 扩展列］ */
            jx_is_total?: boolean;
            /** @description 目标申报数（jixiao 扩展列，山西）［jixiao 扩展列］ */
            jx_declared_amt?: number | string | null;
            /** @description 填报的资金结（转）余（jixiao 扩展列）［jixiao 扩展列］ */
            jx_balance_amt?: number | string | null;
            /** @description 执行率偏低或预算调整的原因说明（jixiao 扩展列）［jixiao 扩展列］ */
            jx_reason?: string | number;
            /** @description fiscal_year：须与自评信息表一致 */
            fiscal_year?: string | number;
            /** @description mof_div_code：须与自评信息表一致 */
            mof_div_code?: string | number;
            /** @description agency_code：须与自评信息表一致 */
            agency_code?: string | number;
            /** @description pro_code：须与自评信息表一致 */
            pro_code?: string | number;
            /** @description eval_id（规范表无此列；给出时须与自评信息表一致） */
            eval_id?: string | number;
            /** @description mof_div_name：原样返回，不参与评分 */
            mof_div_name?: string | number | null;
            /** @description dept_code：原样返回，不参与评分 */
            dept_code?: string | number | null;
            /** @description dept_name：原样返回，不参与评分 */
            dept_name?: string | number | null;
            /** @description agency_name：原样返回，不参与评分 */
            agency_name?: string | number | null;
            /** @description pro_name：原样返回，不参与评分 */
            pro_name?: string | number | null;
            /** @description is_last_inst：原样返回，不参与评分 */
            is_last_inst?: string | number | null;
            /** @description is_deleted：原样返回，不参与评分 */
            is_deleted?: string | number | null;
            /** @description update_time：原样返回，不参与评分 */
            update_time?: string | number | null;
            /** @description create_time：原样返回，不参与评分 */
            create_time?: string | number | null;
        };
        /** @description 项目预算执行完成情况 PM_PERF_SELF_BGT 的一行（资金来源） */
        StandardSelfBgtInput: {
            /** @description 项目资金执行表主键：原样返回 */
            bgt_eval_id?: string | number | null;
            /** @description 资金来源代码 */
            found_type_code?: string | number;
            /** @description 资金来源名称（必填）：资金总额 / 本年财政拨款 / 上年结转资金 / 其他资金 … */
            found_type_name?: string | number;
            /** @description 年初批复数 */
            reply_amt?: number | string | null;
            /** @description 年初预算数（厂商工作列）［厂商工作列］ */
            amt1?: number | string | null;
            /** @description 年度调整金额（可为负） */
            year_adj_amt?: number | string | null;
            /** @description 调整数（厂商工作列）［厂商工作列］ */
            amt2?: number | string | null;
            /** @description 变动后预算数：执行率的分母 */
            cur_amt?: number | string | null;
            /** @description 全年预算数（厂商工作列）［厂商工作列］ */
            amt3?: number | string | null;
            /** @description 全年执行数 */
            year_exe_amt?: number | string | null;
            /** @description 全年执行数（厂商工作列）［厂商工作列］ */
            amt4?: number | string | null;
            /** @description 资金执行率（百分数）：输入为填报值，输出为计算值 */
            exe_amt_rate?: number | string | null;
            /** @description 执行率（厂商工作列）：输入为填报值，输出为计算值［厂商工作列］ */
            bgtget?: number | string | null;
            /** @description 资金执行得分：输入为填报值，输出为计算值 */
            exe_score?: number | string | null;
            /** @description 是否资金总额行（jixiao 扩展列；省略时按名称识别）［jixiao 扩展列］ */
            jx_is_total?: boolean;
            /** @description 目标申报数（jixiao 扩展列，山西）［jixiao 扩展列］ */
            jx_declared_amt?: number | string | null;
            /** @description 填报的资金结（转）余（jixiao 扩展列）［jixiao 扩展列］ */
            jx_balance_amt?: number | string | null;
            /** @description 执行率偏低或预算调整的原因说明（jixiao 扩展列）［jixiao 扩展列］ */
            jx_reason?: string | number;
            /** @description fiscal_year：须与自评信息表一致 */
            fiscal_year?: string | number;
            /** @description mof_div_code：须与自评信息表一致 */
            mof_div_code?: string | number;
            /** @description agency_code：须与自评信息表一致 */
            agency_code?: string | number;
            /** @description pro_code：须与自评信息表一致 */
            pro_code?: string | number;
            /** @description eval_id（规范表无此列；给出时须与自评信息表一致） */
            eval_id?: string | number;
            /** @description mof_div_name：原样返回，不参与评分 */
            mof_div_name?: string | number | null;
            /** @description dept_code：原样返回，不参与评分 */
            dept_code?: string | number | null;
            /** @description dept_name：原样返回，不参与评分 */
            dept_name?: string | number | null;
            /** @description agency_name：原样返回，不参与评分 */
            agency_name?: string | number | null;
            /** @description pro_name：原样返回，不参与评分 */
            pro_name?: string | number | null;
            /** @description is_last_inst：原样返回，不参与评分 */
            is_last_inst?: string | number | null;
            /** @description is_deleted：原样返回，不参与评分 */
            is_deleted?: string | number | null;
            /** @description update_time：原样返回，不参与评分 */
            update_time?: string | number | null;
            /** @description create_time：原样返回，不参与评分 */
            create_time?: string | number | null;
        };
        /** @description 项目绩效自评信息表 PM_PERF_SELF_EVAL（一个项目一年一行） */
        StandardSelfEval: {
            /** @description 自评信息主键：幂等键（同一 eval_id 重复提交不产生新版本） */
            eval_id?: string | number;
            /** @description 评价年度（必填） */
            fiscal_year: string | number;
            /** @description 财政区划代码：选择适用的评分政策 */
            mof_div_code?: string | number;
            /** @description 财政区划名称：原样返回 */
            mof_div_name?: string | number | null;
            /** @description 部门代码 */
            dept_code?: string | number;
            /** @description 部门名称 */
            dept_name?: string | number;
            /** @description 单位代码 */
            agency_code?: string | number;
            /** @description 单位名称 */
            agency_name?: string | number;
            /** @description 项目代码：与财政区划、年度构成项目的自然键 */
            pro_code?: string | number;
            /** @description 项目名称（必填） */
            pro_name: string | number;
            /** @description 单位自评得分：输入为填报总分，输出为计算总分 */
            total_eval_value?: number | string | null;
            /** @description 偏差分析及整改措施（项目级）：原样返回 */
            devi_analy?: string | number | null;
            /** @description 结果应用建议：原样返回 */
            application_advise?: string | number | null;
            /** @description 主管部门评分：原样返回 */
            dept_score?: string | number | null;
            /** @description 主管部门处理意见：原样返回 */
            dept_suggest?: string | number | null;
            /** @description 部门审核意见：原样返回 */
            dep_aud_opinion?: string | number | null;
            /** @description 财政审核意见：原样返回 */
            mof_aud_opinion?: string | number | null;
            /** @description 是否终审：原样返回 */
            is_last_inst?: string | number | null;
            /** @description 是否删除：原样返回 */
            is_deleted?: string | number | null;
            /** @description 更新时间：原样返回 */
            update_time?: string | number | null;
            /** @description 创建时间：原样返回 */
            create_time?: string | number | null;
            /** @description 预算执行率分值（jixiao 扩展列；省略时取评分政策的默认值）［jixiao 扩展列］ */
            jx_exe_points?: number | string | null;
            /** @description 填报等级（jixiao 扩展列；规范表无等级列）［jixiao 扩展列］ */
            jx_grade?: string | number;
            /** @description 项目绩效分析文字（jixiao 扩展列，字段同表单 analysis）［jixiao 扩展列］ */
            jx_analysis?: {
                [key: string]: string;
            };
        };
        /** @description 项目绩效目标单位自评表 PM_SELF_EVAL_GOAL 的一行 */
        StandardSelfEvalGoal: {
            /** @description 自评绩效目标主键：原样返回 */
            eval_kpi_id?: string | number | null;
            /** @description 项目绩效目标主键：原样返回 */
            kpi_per_id?: string | number | null;
            /** @description 年度绩效目标 */
            kpi_target?: string | number;
            /** @description 年度目标完成情况 */
            goal_comp?: string | number;
            /** @description eval_id：须与自评信息表一致 */
            eval_id?: string | number;
            /** @description fiscal_year：须与自评信息表一致 */
            fiscal_year?: string | number;
            /** @description mof_div_code：须与自评信息表一致 */
            mof_div_code?: string | number;
            /** @description agency_code：须与自评信息表一致 */
            agency_code?: string | number;
            /** @description pro_code：须与自评信息表一致 */
            pro_code?: string | number;
            /** @description mof_div_name：原样返回，不参与评分 */
            mof_div_name?: string | number | null;
            /** @description dept_code：原样返回，不参与评分 */
            dept_code?: string | number | null;
            /** @description dept_name：原样返回，不参与评分 */
            dept_name?: string | number | null;
            /** @description agency_name：原样返回，不参与评分 */
            agency_name?: string | number | null;
            /** @description pro_name：原样返回，不参与评分 */
            pro_name?: string | number | null;
            /** @description is_last_inst：原样返回，不参与评分 */
            is_last_inst?: string | number | null;
            /** @description is_deleted：原样返回，不参与评分 */
            is_deleted?: string | number | null;
            /** @description update_time：原样返回，不参与评分 */
            update_time?: string | number | null;
            /** @description create_time：原样返回，不参与评分 */
            create_time?: string | number | null;
        };
        /** @description 项目绩效目标单位自评表 PM_SELF_EVAL_GOAL 的一行 */
        StandardSelfEvalGoalInput: {
            /** @description 自评绩效目标主键：原样返回 */
            eval_kpi_id?: string | number | null;
            /** @description 项目绩效目标主键：原样返回 */
            kpi_per_id?: string | number | null;
            /** @description 年度绩效目标 */
            kpi_target?: string | number;
            /** @description 年度目标完成情况 */
            goal_comp?: string | number;
            /** @description eval_id：须与自评信息表一致 */
            eval_id?: string | number;
            /** @description fiscal_year：须与自评信息表一致 */
            fiscal_year?: string | number;
            /** @description mof_div_code：须与自评信息表一致 */
            mof_div_code?: string | number;
            /** @description agency_code：须与自评信息表一致 */
            agency_code?: string | number;
            /** @description pro_code：须与自评信息表一致 */
            pro_code?: string | number;
            /** @description mof_div_name：原样返回，不参与评分 */
            mof_div_name?: string | number | null;
            /** @description dept_code：原样返回，不参与评分 */
            dept_code?: string | number | null;
            /** @description dept_name：原样返回，不参与评分 */
            dept_name?: string | number | null;
            /** @description agency_name：原样返回，不参与评分 */
            agency_name?: string | number | null;
            /** @description pro_name：原样返回，不参与评分 */
            pro_name?: string | number | null;
            /** @description is_last_inst：原样返回，不参与评分 */
            is_last_inst?: string | number | null;
            /** @description is_deleted：原样返回，不参与评分 */
            is_deleted?: string | number | null;
            /** @description update_time：原样返回，不参与评分 */
            update_time?: string | number | null;
            /** @description create_time：原样返回，不参与评分 */
            create_time?: string | number | null;
        };
        /** @description 项目绩效指标单位自评表 PM_SELF_EVAL_INDICATOR 的一行（一个三级指标） */
        StandardSelfEvalIndicator: {
            /** @description 自评指标主键：行键 */
            eval_ind_id?: string | number;
            /** @description 项目绩效指标主键：原样返回 */
            kpi_id?: string | number | null;
            /** @description 一级指标代码（各省框架代码） */
            lv1_perf_ind_code?: string | number;
            /** @description 一级指标框架 id（厂商工作列）［厂商工作列］ */
            findex?: string | number;
            /** @description 一级指标名称 */
            lv1_perf_ind_name?: string | number;
            /** @description 二级指标代码 */
            lv2_perf_ind_code?: string | number;
            /** @description 二级指标框架 id（厂商工作列）［厂商工作列］ */
            sindex?: string | number;
            /** @description 二级指标名称 */
            lv2_perf_ind_name?: string | number;
            /** @description 三级指标代码 */
            lv3_perf_ind_code?: string | number;
            /** @description 三级指标名称 */
            lv3_perf_ind_name?: string | number;
            /** @description 指标值（厂商工作列，不含符号与单位）；给出时输出的 kpi_val 按 符号 + 指标值 + 单位 组合［厂商工作列］ */
            indexval?: string | number;
            /** @description 指标值（文本，含符号与单位，如 "≥95%"）；输入为结构化列时输出为组合值 */
            kpi_val?: string | number;
            /** @description 计算符号：1 ≥、2 ＞、3 ＝、4 ＜、5 ≤、6 定性（优先于指标值中的符号）；9 定量（其他）、10 不适用：不自动评分，需人工复核［厂商工作列］ */
            computesign?: ("1" | "2" | "3" | "4" | "5" | "6" | "9" | "10") | number;
            /** @description 度量单位（厂商工作列）［厂商工作列］ */
            meterunit?: string | number;
            /** @description 指标值完成情况（实际完成值） */
            ind_comp?: string | number;
            /** @description 实际完成值（厂商工作列）［厂商工作列］ */
            actualvalue?: string | number;
            /** @description 评（扣）分标准 */
            kpi_evalstd?: string | number;
            /** @description 权重（分值） */
            ind_weight?: number | string | null;
            /** @description 分值（厂商工作列）［厂商工作列］ */
            actualweight?: number | string | null;
            /** @description 分值（厂商工作列，浙江）［厂商工作列］ */
            weight?: number | string | null;
            /** @description 自评得分：输入为填报得分，输出为计算得分 */
            eval_score?: number | string | null;
            /** @description 得分（厂商工作列）：输入为填报得分，输出为计算得分［厂商工作列］ */
            score?: number | string | null;
            /** @description 偏差分析及整改措施 */
            devi_analy?: string | number;
            /** @description 偏差原因（厂商工作列）［厂商工作列］ */
            kpi_remark?: string | number;
            /** @description 结果应用建议：原样返回 */
            application_advise?: string | number | null;
            /** @description 结果应用建议（厂商工作列）：原样返回［厂商工作列］ */
            opinion_remark?: string | number | null;
            /** @description 年初指标值（jixiao 扩展列，山西版式）［jixiao 扩展列］ */
            jx_initial_kpi_val?: string | number;
            /** @description 人工评分（jixiao 扩展列）［jixiao 扩展列］ */
            jx_manual_score?: number | string | null;
            /** @description 人工扣减分数（jixiao 扩展列）［jixiao 扩展列］ */
            jx_deduction?: number | string | null;
            /** @description 扣减理由（jixiao 扩展列）［jixiao 扩展列］ */
            jx_deduction_reason?: string | number;
            /** @description 山西默认成本指标行（jixiao 扩展列）［jixiao 扩展列］ */
            jx_is_default_cost_row?: boolean;
            /** @description eval_id：须与自评信息表一致 */
            eval_id?: string | number;
            /** @description fiscal_year：须与自评信息表一致 */
            fiscal_year?: string | number;
            /** @description mof_div_code：须与自评信息表一致 */
            mof_div_code?: string | number;
            /** @description agency_code：须与自评信息表一致 */
            agency_code?: string | number;
            /** @description pro_code：须与自评信息表一致 */
            pro_code?: string | number;
            /** @description mof_div_name：原样返回，不参与评分 */
            mof_div_name?: string | number | null;
            /** @description dept_code：原样返回，不参与评分 */
            dept_code?: string | number | null;
            /** @description dept_name：原样返回，不参与评分 */
            dept_name?: string | number | null;
            /** @description agency_name：原样返回，不参与评分 */
            agency_name?: string | number | null;
            /** @description pro_name：原样返回，不参与评分 */
            pro_name?: string | number | null;
            /** @description is_last_inst：原样返回，不参与评分 */
            is_last_inst?: string | number | null;
            /** @description is_deleted：原样返回，不参与评分 */
            is_deleted?: string | number | null;
            /** @description update_time：原样返回，不参与评分 */
            update_time?: string | number | null;
            /** @description create_time：原样返回，不参与评分 */
            create_time?: string | number | null;
        };
        /** @description 项目绩效指标单位自评表 PM_SELF_EVAL_INDICATOR 的一行（一个三级指标） */
        StandardSelfEvalIndicatorInput: {
            /** @description 自评指标主键：行键 */
            eval_ind_id?: string | number;
            /** @description 项目绩效指标主键：原样返回 */
            kpi_id?: string | number | null;
            /** @description 一级指标代码（各省框架代码） */
            lv1_perf_ind_code?: string | number;
            /** @description 一级指标框架 id（厂商工作列）［厂商工作列］ */
            findex?: string | number;
            /** @description 一级指标名称 */
            lv1_perf_ind_name?: string | number;
            /** @description 二级指标代码 */
            lv2_perf_ind_code?: string | number;
            /** @description 二级指标框架 id（厂商工作列）［厂商工作列］ */
            sindex?: string | number;
            /** @description 二级指标名称 */
            lv2_perf_ind_name?: string | number;
            /** @description 三级指标代码 */
            lv3_perf_ind_code?: string | number;
            /** @description 三级指标名称 */
            lv3_perf_ind_name?: string | number;
            /** @description 指标值（厂商工作列，不含符号与单位）；给出时输出的 kpi_val 按 符号 + 指标值 + 单位 组合［厂商工作列］ */
            indexval?: string | number;
            /** @description 指标值（文本，含符号与单位，如 "≥95%"）；输入为结构化列时输出为组合值 */
            kpi_val?: string | number;
            /** @description 计算符号：1 ≥、2 ＞、3 ＝、4 ＜、5 ≤、6 定性（优先于指标值中的符号）；9 定量（其他）、10 不适用：不自动评分，需人工复核［厂商工作列］ */
            computesign?: ("1" | "2" | "3" | "4" | "5" | "6" | "9" | "10") | number;
            /** @description 度量单位（厂商工作列）［厂商工作列］ */
            meterunit?: string | number;
            /** @description 指标值完成情况（实际完成值） */
            ind_comp?: string | number;
            /** @description 实际完成值（厂商工作列）［厂商工作列］ */
            actualvalue?: string | number;
            /** @description 评（扣）分标准 */
            kpi_evalstd?: string | number;
            /** @description 权重（分值） */
            ind_weight?: number | string | null;
            /** @description 分值（厂商工作列）［厂商工作列］ */
            actualweight?: number | string | null;
            /** @description 分值（厂商工作列，浙江）［厂商工作列］ */
            weight?: number | string | null;
            /** @description 自评得分：输入为填报得分，输出为计算得分 */
            eval_score?: number | string | null;
            /** @description 得分（厂商工作列）：输入为填报得分，输出为计算得分［厂商工作列］ */
            score?: number | string | null;
            /** @description 偏差分析及整改措施 */
            devi_analy?: string | number;
            /** @description 偏差原因（厂商工作列）［厂商工作列］ */
            kpi_remark?: string | number;
            /** @description 结果应用建议：原样返回 */
            application_advise?: string | number | null;
            /** @description 结果应用建议（厂商工作列）：原样返回［厂商工作列］ */
            opinion_remark?: string | number | null;
            /** @description 年初指标值（jixiao 扩展列，山西版式）［jixiao 扩展列］ */
            jx_initial_kpi_val?: string | number;
            /** @description 人工评分（jixiao 扩展列）［jixiao 扩展列］ */
            jx_manual_score?: number | string | null;
            /** @description 人工扣减分数（jixiao 扩展列）［jixiao 扩展列］ */
            jx_deduction?: number | string | null;
            /** @description 扣减理由（jixiao 扩展列）［jixiao 扩展列］ */
            jx_deduction_reason?: string | number;
            /** @description 山西默认成本指标行（jixiao 扩展列）［jixiao 扩展列］ */
            jx_is_default_cost_row?: boolean;
            /** @description eval_id：须与自评信息表一致 */
            eval_id?: string | number;
            /** @description fiscal_year：须与自评信息表一致 */
            fiscal_year?: string | number;
            /** @description mof_div_code：须与自评信息表一致 */
            mof_div_code?: string | number;
            /** @description agency_code：须与自评信息表一致 */
            agency_code?: string | number;
            /** @description pro_code：须与自评信息表一致 */
            pro_code?: string | number;
            /** @description mof_div_name：原样返回，不参与评分 */
            mof_div_name?: string | number | null;
            /** @description dept_code：原样返回，不参与评分 */
            dept_code?: string | number | null;
            /** @description dept_name：原样返回，不参与评分 */
            dept_name?: string | number | null;
            /** @description agency_name：原样返回，不参与评分 */
            agency_name?: string | number | null;
            /** @description pro_name：原样返回，不参与评分 */
            pro_name?: string | number | null;
            /** @description is_last_inst：原样返回，不参与评分 */
            is_last_inst?: string | number | null;
            /** @description is_deleted：原样返回，不参与评分 */
            is_deleted?: string | number | null;
            /** @description update_time：原样返回，不参与评分 */
            update_time?: string | number | null;
            /** @description create_time：原样返回，不参与评分 */
            create_time?: string | number | null;
        };
        /** @description 项目绩效自评信息表 PM_PERF_SELF_EVAL（一个项目一年一行） */
        StandardSelfEvalInput: {
            /** @description 自评信息主键：幂等键（同一 eval_id 重复提交不产生新版本） */
            eval_id?: string | number;
            /** @description 评价年度（必填） */
            fiscal_year: string | number;
            /** @description 财政区划代码：选择适用的评分政策 */
            mof_div_code?: string | number;
            /** @description 财政区划名称：原样返回 */
            mof_div_name?: string | number | null;
            /** @description 部门代码 */
            dept_code?: string | number;
            /** @description 部门名称 */
            dept_name?: string | number;
            /** @description 单位代码 */
            agency_code?: string | number;
            /** @description 单位名称 */
            agency_name?: string | number;
            /** @description 项目代码：与财政区划、年度构成项目的自然键 */
            pro_code?: string | number;
            /** @description 项目名称（必填） */
            pro_name: string | number;
            /** @description 单位自评得分：输入为填报总分，输出为计算总分 */
            total_eval_value?: number | string | null;
            /** @description 偏差分析及整改措施（项目级）：原样返回 */
            devi_analy?: string | number | null;
            /** @description 结果应用建议：原样返回 */
            application_advise?: string | number | null;
            /** @description 主管部门评分：原样返回 */
            dept_score?: string | number | null;
            /** @description 主管部门处理意见：原样返回 */
            dept_suggest?: string | number | null;
            /** @description 部门审核意见：原样返回 */
            dep_aud_opinion?: string | number | null;
            /** @description 财政审核意见：原样返回 */
            mof_aud_opinion?: string | number | null;
            /** @description 是否终审：原样返回 */
            is_last_inst?: string | number | null;
            /** @description 是否删除：原样返回 */
            is_deleted?: string | number | null;
            /** @description 更新时间：原样返回 */
            update_time?: string | number | null;
            /** @description 创建时间：原样返回 */
            create_time?: string | number | null;
            /** @description 预算执行率分值（jixiao 扩展列；省略时取评分政策的默认值）［jixiao 扩展列］ */
            jx_exe_points?: number | string | null;
            /** @description 填报等级（jixiao 扩展列；规范表无等级列）［jixiao 扩展列］ */
            jx_grade?: string | number;
            /** @description 项目绩效分析文字（jixiao 扩展列，字段同表单 analysis）［jixiao 扩展列］ */
            jx_analysis?: {
                [key: string]: string;
            };
        };
        /** @description 统计：等级分布、覆盖资金、得分均值与离散、常见问题、异常，按部门分组 */
        Stats: {
            year: number | null;
            filter: {
                department: string | null;
                unit: string | null;
                region: string | null;
            };
            count: number;
            /** @description 按等级计数（优 良 中 差 未定级） */
            grades: {
                [key: string]: number;
            };
            /** @description 全年预算数合计（万元，两位小数） */
            funds: string;
            score: {
                mean: string | null;
                stddev: string | null;
                min: string | null;
                max: string | null;
            };
            /** @constant */
            moneyUnit: "万元";
            topFindings: {
                code: string;
                projects: number;
                occurrences: number;
            }[];
            anomalyCounts: {
                [key: string]: number;
            };
            departments: {
                count: number;
                /** @description 按等级计数（优 良 中 差 未定级） */
                grades: {
                    [key: string]: number;
                };
                /** @description 全年预算数合计（万元，两位小数） */
                funds: string;
                score: {
                    mean: string | null;
                    stddev: string | null;
                    min: string | null;
                    max: string | null;
                };
                deptCode: string;
                deptName: string | null;
                anomalyCounts: {
                    [key: string]: number;
                };
                anomalies: {
                    id: string;
                    proCode: string | null;
                    proName: string;
                    agencyCode: string;
                    kinds: ("total_mismatch" | "grade_mismatch" | "grade_changed_by_rescore" | "points_not_100")[];
                    /** @description 十进制数字符串 */
                    total: string;
                    grade: string | null;
                    reportedTotal: string | null;
                    reportedGrade: string | null;
                    firstGrade: string | null;
                    /** @description 十进制数字符串 */
                    pointsTotal: string;
                }[];
            }[];
        };
        /** @description 统计：等级分布、覆盖资金、得分均值与离散、常见问题、异常，按部门分组 */
        StatsInput: {
            year: number | null;
            filter: {
                department: string | null;
                unit: string | null;
                region: string | null;
            };
            count: number;
            /** @description 按等级计数（优 良 中 差 未定级） */
            grades: {
                [key: string]: number;
            };
            /** @description 全年预算数合计（万元，两位小数） */
            funds: string;
            score: {
                mean: string | null;
                stddev: string | null;
                min: string | null;
                max: string | null;
            };
            /** @constant */
            moneyUnit: "万元";
            topFindings: {
                code: string;
                projects: number;
                occurrences: number;
            }[];
            anomalyCounts: {
                [key: string]: number;
            };
            departments: {
                count: number;
                /** @description 按等级计数（优 良 中 差 未定级） */
                grades: {
                    [key: string]: number;
                };
                /** @description 全年预算数合计（万元，两位小数） */
                funds: string;
                score: {
                    mean: string | null;
                    stddev: string | null;
                    min: string | null;
                    max: string | null;
                };
                deptCode: string;
                deptName: string | null;
                anomalyCounts: {
                    [key: string]: number;
                };
                anomalies: {
                    id: string;
                    proCode: string | null;
                    proName: string;
                    agencyCode: string;
                    kinds: ("total_mismatch" | "grade_mismatch" | "grade_changed_by_rescore" | "points_not_100")[];
                    /** @description 十进制数字符串 */
                    total: string;
                    grade: string | null;
                    reportedTotal: string | null;
                    reportedGrade: string | null;
                    firstGrade: string | null;
                    /** @description 十进制数字符串 */
                    pointsTotal: string;
                }[];
            }[];
        };
        /** @description 一张自评表：当前版本的表单、评分与全部版本 */
        Submission: {
            /** @description 自评表 id（UUID） */
            id: string;
            mofDivCode: string;
            fiscalYear: number;
            proCode: string | null;
            deptCode: string;
            agencyCode: string;
            proName: string;
            agencyName: string | null;
            deptName: string | null;
            currentVersion: number;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            /** @description ISO 8601 时间（UTC） */
            updatedAt: string;
            /** @description 当前评分 */
            score: components["schemas"]["SnapshotSummary"] | null;
            /** @description 提交的表单原文（去掉未知字段） */
            form: unknown;
            versions: components["schemas"]["VersionSummary"][];
        };
        /** @description 自评表摘要 */
        SubmissionHead: {
            /** @description 自评表 id（UUID） */
            id: string;
            mofDivCode: string;
            fiscalYear: number;
            proCode: string | null;
            deptCode: string;
            agencyCode: string;
            proName: string;
            agencyName: string | null;
            deptName: string | null;
            currentVersion: number;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            /** @description ISO 8601 时间（UTC） */
            updatedAt: string;
            /** @description 当前评分 */
            score: components["schemas"]["SnapshotSummary"] | null;
        };
        /** @description 自评表摘要 */
        SubmissionHeadInput: {
            /** @description 自评表 id（UUID） */
            id: string;
            mofDivCode: string;
            fiscalYear: number;
            proCode: string | null;
            deptCode: string;
            agencyCode: string;
            proName: string;
            agencyName: string | null;
            deptName: string | null;
            currentVersion: number;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            /** @description ISO 8601 时间（UTC） */
            updatedAt: string;
            /** @description 当前评分 */
            score: components["schemas"]["SnapshotSummaryInput"] | null;
        };
        /** @description 一张自评表：当前版本的表单、评分与全部版本 */
        SubmissionInput: {
            /** @description 自评表 id（UUID） */
            id: string;
            mofDivCode: string;
            fiscalYear: number;
            proCode: string | null;
            deptCode: string;
            agencyCode: string;
            proName: string;
            agencyName: string | null;
            deptName: string | null;
            currentVersion: number;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            /** @description ISO 8601 时间（UTC） */
            updatedAt: string;
            /** @description 当前评分 */
            score: components["schemas"]["SnapshotSummaryInput"] | null;
            /** @description 提交的表单原文（去掉未知字段） */
            form: unknown;
            versions: components["schemas"]["VersionSummaryInput"][];
        };
        /** @description 自评表列表的一页（新的在前） */
        SubmissionPage: {
            items: components["schemas"]["SubmissionHead"][];
            /** @description 下一页的游标（作为 cursor 传回）；最后一页为 null */
            next: string | null;
            /**
             * @deprecated
             * @description 同 next（已弃用）
             */
            nextCursor: string | null;
        };
        /** @description 自评表列表的一页（新的在前） */
        SubmissionPageInput: {
            items: components["schemas"]["SubmissionHeadInput"][];
            /** @description 下一页的游标（作为 cursor 传回）；最后一页为 null */
            next: string | null;
            /**
             * @deprecated
             * @description 同 next（已弃用）
             */
            nextCursor: string | null;
        };
        /** @description POST /v1/submissions 的应答 */
        SubmitAnswer: {
            id: string;
            version: number;
            /** @description 是否新建了自评表（否则为已有自评表的新版本） */
            created: boolean;
            /** @description 同一 eval_id 且内容相同：未生成新版本 */
            duplicate: boolean;
            links: {
                self: string;
                version: string;
            };
            score: {
                /** @description 十进制数字符串 */
                total: string;
                grade: string | null;
                gradeCode: string | null;
                status: string;
                policy: components["schemas"]["PolicyRef"];
            };
            result: components["schemas"]["ScoreResult"];
        };
        /** @description POST /v1/submissions 的应答 */
        SubmitAnswerInput: {
            id: string;
            version: number;
            /** @description 是否新建了自评表（否则为已有自评表的新版本） */
            created: boolean;
            /** @description 同一 eval_id 且内容相同：未生成新版本 */
            duplicate: boolean;
            links: {
                self: string;
                version: string;
            };
            score: {
                /** @description 十进制数字符串 */
                total: string;
                grade: string | null;
                gradeCode: string | null;
                status: string;
                policy: components["schemas"]["PolicyRefInput"];
            };
            result: components["schemas"]["ScoreResultInput"];
        };
        /** @description 一个指标值的解析与检查结果 */
        TargetCheck: {
            index: number;
            /** @description 指向请求中该项的 JSON 指针，如 /targets/0 */
            pointer: string;
            target: string;
            parse: components["schemas"]["ParsedValue"];
            /** @description 是否可量化考核（定量或区间，且有单位与比较符号） */
            measurable: boolean;
            findings: components["schemas"]["Finding"][];
        };
        /** @description 一个指标值的解析与检查结果 */
        TargetCheckInput: {
            index: number;
            /** @description 指向请求中该项的 JSON 指针，如 /targets/0 */
            pointer: string;
            target: string;
            parse: components["schemas"]["ParsedValueInput"];
            /** @description 是否可量化考核（定量或区间，且有单位与比较符号） */
            measurable: boolean;
            findings: components["schemas"]["FindingInput"][];
        };
        /** @description 待检查的指标值（绩效目标申报） */
        TargetsCheckRequest: {
            targets: (string | {
                /** @description 指标值，如 "≥95%"、"=0次"、"及时" */
                target: string;
                /** @description 单独的指标性质列（四川版式）：≥ ≤ = 定性 或代码 1–6 */
                operator?: string;
                /** @description 单独的度量单位列 */
                unit?: string;
                /** @description 三级指标名称（用于推断反向指标与提示） */
                name?: string;
            })[];
        };
        /** @description 待检查的指标值（绩效目标申报） */
        TargetsCheckRequestInput: {
            targets: (string | {
                /** @description 指标值，如 "≥95%"、"=0次"、"及时" */
                target: string;
                /** @description 单独的指标性质列（四川版式）：≥ ≤ = 定性 或代码 1–6 */
                operator?: string;
                /** @description 单独的度量单位列 */
                unit?: string;
                /** @description 三级指标名称（用于推断反向指标与提示） */
                name?: string;
            })[];
        };
        /** @description 指标值检查结果 */
        TargetsCheckResult: {
            results: components["schemas"]["TargetCheck"][];
            summary: {
                count: number;
                measurable: number;
                withFindings: number;
                byCode: {
                    [key: string]: number;
                };
            };
        };
        /** @description 指标值检查结果 */
        TargetsCheckResultInput: {
            results: components["schemas"]["TargetCheckInput"][];
            summary: {
                count: number;
                measurable: number;
                withFindings: number;
                byCode: {
                    [key: string]: number;
                };
            };
        };
        /** @description 一个版本：提交的表单原文与其全部评分快照 */
        Version: {
            version: number;
            /** @description 表单 id（eval_id） */
            evalId: string | null;
            /** @description 表单原文（去掉未知字段、键排序后）的 SHA-256 */
            inputHash: string;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            keyId: string | null;
            id: string;
            /** @description 提交的表单原文（去掉未知字段） */
            input: unknown;
            snapshots: components["schemas"]["Snapshot"][];
        };
        /** @description 一个版本：提交的表单原文与其全部评分快照 */
        VersionInput: {
            version: number;
            /** @description 表单 id（eval_id） */
            evalId: string | null;
            /** @description 表单原文（去掉未知字段、键排序后）的 SHA-256 */
            inputHash: string;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            keyId: string | null;
            id: string;
            /** @description 提交的表单原文（去掉未知字段） */
            input: unknown;
            snapshots: components["schemas"]["SnapshotInput"][];
        };
        /** @description 版本列表的一页（旧的在前） */
        VersionPage: {
            items: components["schemas"]["VersionSummary"][];
            /** @description 下一页的游标（作为 cursor 传回）；最后一页为 null */
            next: string | null;
        };
        /** @description 版本列表的一页（旧的在前） */
        VersionPageInput: {
            items: components["schemas"]["VersionSummaryInput"][];
            /** @description 下一页的游标（作为 cursor 传回）；最后一页为 null */
            next: string | null;
        };
        /** @description 一个版本的摘要 */
        VersionSummary: {
            version: number;
            /** @description 表单 id（eval_id） */
            evalId: string | null;
            /** @description 表单原文（去掉未知字段、键排序后）的 SHA-256 */
            inputHash: string;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            keyId: string | null;
        };
        /** @description 一个版本的摘要 */
        VersionSummaryInput: {
            version: number;
            /** @description 表单 id（eval_id） */
            evalId: string | null;
            /** @description 表单原文（去掉未知字段、键排序后）的 SHA-256 */
            inputHash: string;
            /** @description ISO 8601 时间（UTC） */
            createdAt: string;
            keyId: string | null;
        };
        /** @description 假设评分的结果（未存储） */
        WhatifReport: {
            year?: number;
            policy: {
                id: string;
                version: string;
                hash: string;
                name: string;
                uploaded: boolean;
            };
            count: number;
            changedTotal: number;
            changedGrade: number;
            projects: {
                id?: string;
                version?: number;
                /** @description 上传批次中的序号（从 1 起） */
                line?: number;
                /** @description project（项目支出）或 department（部门整体支出） */
                kind: string;
                deptCode: string | null;
                agencyCode: string | null;
                proCode: string | null;
                proName: string;
                old: {
                    /** @description 十进制数字符串 */
                    total: string;
                    grade: string | null;
                    status: string;
                    policy: {
                        id: string;
                        version: string;
                    };
                };
                new: {
                    /** @description 十进制数字符串 */
                    total: string;
                    grade: string | null;
                    status: string;
                    policy: {
                        id: string;
                        version: string;
                    };
                };
                /** @description 十进制数字符串 */
                delta: string;
            }[];
            transitions: {
                labels: string[];
                /** @description matrix[旧等级][新等级] = 项目数 */
                matrix: {
                    [key: string]: {
                        [key: string]: number;
                    };
                };
            };
            departments: {
                deptCode: string;
                deptName: string | null;
                forms: number;
                /** @description 十进制数字符串 */
                oldSum: string;
                /** @description 十进制数字符串 */
                newSum: string;
                /** @description 十进制数字符串 */
                delta: string;
                /** @description 十进制数字符串 */
                meanDelta: string;
                gradesBefore: {
                    [key: string]: number;
                };
                gradesAfter: {
                    [key: string]: number;
                };
                up: number;
                down: number;
            }[];
            drivers: {
                /** @description funds.<method> / indicator.<method>（或 旧→新）/ grade.bands */
                rule: string;
                projects: number;
                rows: number;
                /** @description 该规则造成的分差合计（新 − 旧） */
                delta: string;
                /** @description 分差绝对值合计（排序依据） */
                absDelta: string;
                /** @description 该规则影响最大的项目（至多 3 个） */
                examples: {
                    id?: string;
                    line?: number;
                    proName: string;
                    /** @description 十进制数字符串 */
                    delta: string;
                }[];
            }[];
            findings: {
                code: string;
                before: number;
                after: number;
            }[];
            failed: {
                id?: string;
                line?: number;
                problems: unknown[];
            }[];
        };
        /** @description 假设评分的结果（未存储） */
        WhatifReportInput: {
            year?: number;
            policy: {
                id: string;
                version: string;
                hash: string;
                name: string;
                uploaded: boolean;
            };
            count: number;
            changedTotal: number;
            changedGrade: number;
            projects: {
                id?: string;
                version?: number;
                /** @description 上传批次中的序号（从 1 起） */
                line?: number;
                /** @description project（项目支出）或 department（部门整体支出） */
                kind: string;
                deptCode: string | null;
                agencyCode: string | null;
                proCode: string | null;
                proName: string;
                old: {
                    /** @description 十进制数字符串 */
                    total: string;
                    grade: string | null;
                    status: string;
                    policy: {
                        id: string;
                        version: string;
                    };
                };
                new: {
                    /** @description 十进制数字符串 */
                    total: string;
                    grade: string | null;
                    status: string;
                    policy: {
                        id: string;
                        version: string;
                    };
                };
                /** @description 十进制数字符串 */
                delta: string;
            }[];
            transitions: {
                labels: string[];
                /** @description matrix[旧等级][新等级] = 项目数 */
                matrix: {
                    [key: string]: {
                        [key: string]: number;
                    };
                };
            };
            departments: {
                deptCode: string;
                deptName: string | null;
                forms: number;
                /** @description 十进制数字符串 */
                oldSum: string;
                /** @description 十进制数字符串 */
                newSum: string;
                /** @description 十进制数字符串 */
                delta: string;
                /** @description 十进制数字符串 */
                meanDelta: string;
                gradesBefore: {
                    [key: string]: number;
                };
                gradesAfter: {
                    [key: string]: number;
                };
                up: number;
                down: number;
            }[];
            drivers: {
                /** @description funds.<method> / indicator.<method>（或 旧→新）/ grade.bands */
                rule: string;
                projects: number;
                rows: number;
                /** @description 该规则造成的分差合计（新 − 旧） */
                delta: string;
                /** @description 分差绝对值合计（排序依据） */
                absDelta: string;
                /** @description 该规则影响最大的项目（至多 3 个） */
                examples: {
                    id?: string;
                    line?: number;
                    proName: string;
                    /** @description 十进制数字符串 */
                    delta: string;
                }[];
            }[];
            findings: {
                code: string;
                before: number;
                after: number;
            }[];
            failed: {
                id?: string;
                line?: number;
                problems: unknown[];
            }[];
        };
        /** @description 假设评分：按另一评分政策重新评分一个年度或一批表单，不存储任何内容 */
        WhatifRequest: {
            /** @description 重新评分已存储的该年度表单（与 forms 二选一） */
            year?: number;
            /** @description 上传的一批表单（与 year 二选一）；也可用 application/x-ndjson 每行一个表单并以 ?policy= 指定政策 */
            forms?: unknown[];
            /** @description 评分政策 id（如 "hubei"），或一份评分政策 JSON（按 scoring/policy.schema.json 校验） */
            policy: string | {
                [key: string]: unknown;
            };
            filter?: {
                department?: string;
                unit?: string;
                region?: string;
            };
        };
        /** @description 假设评分：按另一评分政策重新评分一个年度或一批表单，不存储任何内容 */
        WhatifRequestInput: {
            /** @description 重新评分已存储的该年度表单（与 forms 二选一） */
            year?: number;
            /** @description 上传的一批表单（与 year 二选一）；也可用 application/x-ndjson 每行一个表单并以 ?policy= 指定政策 */
            forms?: unknown[];
            /** @description 评分政策 id（如 "hubei"），或一份评分政策 JSON（按 scoring/policy.schema.json 校验） */
            policy: string | {
                [key: string]: unknown;
            };
            filter?: {
                department?: string;
                unit?: string;
                region?: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ready"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/plain; version=0.0.4 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    getPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyList"];
                };
            };
        };
    };
    getPoliciesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postScore: {
        parameters: {
            query?: {
                /** @description 评分政策 id（GET /v1/policies）；省略时按表单的财政区划与年度选择适用的政策 */
                policy?: string;
                /** @description full：完整的 ScoreResult（含计算过程、解析值、问题说明与偏差报告）；brief：BriefResult，只给总分、等级、状态、政策、问题计数与各指标的得分、状态和问题代码。默认 full */
                detail?: "full" | "brief";
                /** @description 应答形状：form（默认，jixiao 的 ScoreResult）或 standard（一体化规范表形状，jixiao 附加内容在 jixiao 键下）；Accept: application/vnd.jixiao.standard+json 同 standard */
                shape?: "form" | "standard";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description jixiao 表单（camelCase；kind 为 department 时为部门整体支出自评表），或一体化规范表形状（pm_perf_self_eval 等小写键） */
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnyFormInput"] | components["schemas"]["StandardBodyInput"];
            };
        };
        responses: {
            /** @description 评分结果 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoreResult"] | components["schemas"]["BriefResult"] | components["schemas"]["StandardAnswer"];
                    "application/vnd.jixiao.standard+json": components["schemas"]["StandardAnswer"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或单行过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 不支持的内容类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 表单无效：errors 列出每个问题及其 JSON 指针 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postScoreBatch: {
        parameters: {
            query?: {
                /** @description 评分政策 id；省略时每个表单按其财政区划与年度选择适用的政策 */
                policy?: string;
                /** @description full：完整的 ScoreResult（含计算过程、解析值、问题说明与偏差报告）；brief：BriefResult，只给总分、等级、状态、政策、问题计数与各指标的得分、状态和问题代码。默认 brief */
                detail?: "full" | "brief";
                /** @description 应答形状：form（默认，jixiao 的 ScoreResult）或 standard（一体化规范表形状，jixiao 附加内容在 jixiao 键下）；Accept: application/vnd.jixiao.standard+json 同 standard */
                shape?: "form" | "standard";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description application/json：表单数组；application/x-ndjson：每行一个 ProjectForm 或一体化规范表形状（StandardBody），响应为流式 NDJSON（每个输入行一行 BatchLine，最后一行为 {"summary": BatchSummary}） */
        requestBody: {
            content: {
                "application/json": (components["schemas"]["AnyFormInput"] | components["schemas"]["StandardBodyInput"])[];
                "application/x-ndjson": components["schemas"]["ProjectFormInput"] | components["schemas"]["StandardBodyInput"];
            };
        };
        responses: {
            /** @description 评分结果 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResult"];
                    "application/x-ndjson": components["schemas"]["BatchLine"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或单行过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 不支持的内容类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postTargetsCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TargetsCheckRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TargetsCheckResult"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或单行过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 不支持的内容类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postImport: {
        parameters: {
            query?: {
                /** @description 只读该工作表（名称） */
                sheet?: string;
                /** @description 财政区划代码（工作簿中没有时） */
                mofDivCode?: string;
                /** @description false / 0：只读出表单，不评分；默认评分 */
                score?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description 自评表工作簿：multipart/form-data（字段 file），或原始 xlsx 请求体 */
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description 自评表工作簿（.xlsx，最大 20 MB）
                     */
                    file: string;
                };
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportAnswer"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或单行过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 不支持的内容类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 表单无效：errors 列出每个问题及其 JSON 指针 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postExport: {
        parameters: {
            query?: {
                /** @description xlsx（默认）或 html；其他值为 406 */
                format?: string;
                /** @description 评分政策 id（GET /v1/policies）；省略时按表单的财政区划与年度选择适用的政策 */
                policy?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description 一张表单、表单数组或 {"forms": [...]}（1–200 张） */
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnyFormInput"] | components["schemas"]["AnyFormInput"][] | {
                    forms: components["schemas"]["AnyFormInput"][];
                };
            };
        };
        responses: {
            /** @description format=xlsx：官方版式工作簿（Content-Disposition: attachment）；format=html：可打印页面 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/html": string;
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 无法提供所请求的格式 */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或单行过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 不支持的内容类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 表单无效：errors 列出每个问题及其 JSON 指针 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postNarrative: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description 一张表单、表单数组或 {"forms": [...]}（1–200 张） */
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnyFormInput"] | components["schemas"]["AnyFormInput"][] | {
                    forms: components["schemas"]["AnyFormInput"][];
                };
            };
        };
        responses: {
            /** @description 请求体为一张表单时为 Narrative；为数组或 {forms} 时为 {items: Narrative[]} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Narrative"] | {
                        items: components["schemas"]["Narrative"][];
                    };
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或单行过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 不支持的内容类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 表单无效：errors 列出每个问题及其 JSON 指针 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSubmissions: {
        parameters: {
            query?: {
                /** @description 年度 */
                year?: string;
                /** @description 主管部门代码 dept_code */
                department?: string;
                /** @description 单位代码 agency_code */
                unit?: string;
                /** @description 财政区划代码 mof_div_code */
                region?: string;
                /** @description 项目代码 pro_code */
                proCode?: string;
                /** @description 计算等级：优 / 良 / 中 / 差 */
                grade?: string;
                /** @description 问题代码，如 TOTAL_MISMATCH */
                finding?: string;
                /** @description 计算总分下限（含） */
                minScore?: string;
                /** @description 计算总分上限（含） */
                maxScore?: string;
                /** @description 每页条数，1–500，默认50 */
                limit?: number;
                /** @description 上一页应答中的 next（不透明游标，原样传回）；省略为第一页 */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionPage"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSubmissions: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description jixiao 表单（camelCase；kind 为 department 时为部门整体支出自评表），或一体化规范表形状（pm_perf_self_eval 等小写键） */
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnyFormInput"] | components["schemas"]["StandardBodyInput"];
            };
        };
        responses: {
            /** @description 同一 eval_id 且内容相同：已有版本（duplicate: true） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmitAnswer"];
                };
            };
            /** @description 已保存（Location 为自评表的 URL） */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmitAnswer"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 冲突（如 Idempotency-Key 已用于另一个请求） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或单行过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 不支持的内容类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 表单无效：errors 列出每个问题及其 JSON 指针 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSubmissionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSubmissionsByIdVersions: {
        parameters: {
            query?: {
                /** @description 每页条数，1–500，默认50 */
                limit?: number;
                /** @description 上一页应答中的 next（不透明游标，原样传回）；省略为第一页 */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionPage"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSubmissionsByIdVersionsByN: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                n: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Version"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSubmissionsByIdVersionsByNReviews: {
        parameters: {
            query?: {
                /** @description 复核口径规则包：practice 启用、off 不启用；省略时按 REVIEW_RULES（默认 off）。实务做法，非政策规定 */
                rules?: "practice" | "off";
            };
            header?: {
                /** @description 重试时沿用：同一密钥与 Idempotency-Key 的重试返回首次的应答，不生成新版本 */
                "idempotency-key"?: string;
            };
            path: {
                /** @description 自评表 id */
                id: string;
                /** @description 自评表版本号 */
                n: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewInputInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewCreated"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 冲突（如 Idempotency-Key 已用于另一个请求） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或单行过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 不支持的内容类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 表单无效：errors 列出每个问题及其 JSON 指针 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReviews: {
        parameters: {
            query?: {
                /** @description 自评表 id */
                submission?: string;
                /** @description 自评表版本号（与 submission 同用） */
                submissionVersion?: string;
                /** @description 年度 */
                year?: string;
                /** @description 主管部门代码 dept_code */
                department?: string;
                /** @description 单位代码 agency_code */
                unit?: string;
                /** @description 财政区划代码 mof_div_code */
                region?: string;
                /** @description 复核层级：department 部门、bureau 财政 */
                level?: "department" | "bureau";
                /** @description 抽评等级：1 优、2 良、3 中、4 差 */
                grade?: "1" | "2" | "3" | "4" | "优" | "良" | "中" | "差";
                /** @description 复核问题代码，如 REVIEW_GRADE_MISMATCH */
                finding?: string;
                /** @description 每页条数，1–500，默认50 */
                limit?: number;
                /** @description 上一页应答中的 next（不透明游标，原样传回）；省略为第一页 */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewPage"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReviewsByRid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 复核 id */
                rid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewOne"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReviewsByRidVersionsByV: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 复核 id */
                rid: string;
                /** @description 复核版本号 */
                v: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewVersion"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReviewsByRidExport: {
        parameters: {
            query?: {
                /** @description 复核版本号；省略为当前版本 */
                version?: string;
            };
            header?: never;
            path: {
                /** @description 复核 id */
                rid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 自评表工作簿，指标行右侧加列：复核完成值、复核得分、计算得分、理由；表尾为复核合计、抽评等级与复核结论 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRescore: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RescoreRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RescoreAnswer"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStats: {
        parameters: {
            query?: {
                year?: string;
                department?: string;
                unit?: string;
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stats"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStatsDisclosure: {
        parameters: {
            query: {
                /** @description 年度 */
                year: string;
                /** @description 单位代码；单位密钥可省略（即本单位） */
                unit?: string;
                /** @description 本单位项目支出总额（万元）；给出时计算占比 */
                spending?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Disclosure"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStatsDisclosureDocument: {
        parameters: {
            query: {
                /** @description 年度 */
                year: string;
                /** @description 单位代码（按预算单位出具）；单位密钥可省略（即本单位） */
                unit?: string;
                /** @description 部门代码（按主管部门出具，含其所属单位）；部门密钥可省略（即本部门） */
                department?: string;
                /** @description json（默认：文本、分段与各数字的来源）、text（纯文本）或 html（可打印）；也可用 Accept 头 */
                format?: "json" | "text" | "html";
                /** @description 本部门（单位）项目支出总额（万元）；给出时计算覆盖占比 */
                spending?: string;
                /** @description 对自评结果为“中”和“差”的项目采取的改进管理措施；省略为“无” */
                measures?: string;
                /** @description 其他需要说明的事项；省略为“无” */
                other?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 预算绩效情况说明：JSON（含各数字来源）、纯文本或可打印 HTML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisclosureDocument"];
                    "text/plain": string;
                    "text/html": string;
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postStatsDisclosureDocument: {
        parameters: {
            query?: {
                /** @description json（默认：文本、分段与各数字的来源）、text（纯文本）或 html（可打印）；也可用 Accept 头 */
                format?: "json" | "text" | "html";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisclosureDocumentRequestInput"];
            };
        };
        responses: {
            /** @description 预算绩效情况说明：JSON（含各数字来源）、纯文本或可打印 HTML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisclosureDocument"];
                    "text/plain": string;
                    "text/html": string;
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStatsInflation: {
        parameters: {
            query: {
                /** @description 年度 */
                year: string;
                /** @description 财政区划代码 */
                region?: string;
                /** @description 排序键：index / gap / fullMarks / equalActual / noNote / belowPrevious / forms / department；前缀“-”为降序；默认 -index */
                sort?: string;
                /** @description json（默认）或 csv */
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 每个部门一行 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inflation"];
                    "text/csv": string;
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postWhatif: {
        parameters: {
            query?: {
                /** @description application/x-ndjson 请求体时的评分政策 id */
                policy?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WhatifRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhatifReport"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或单行过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 不支持的内容类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                /** @description submission.create, rescore, key.create, key.revoke, key.bootstrap */
                action?: string;
                /** @description 对象 id（自评表、密钥或重新评分的 id） */
                target?: string;
                /** @description 每页条数，1–500，默认50 */
                limit?: number;
                /** @description 上一页应答中的 next（不透明游标，原样传回）；省略为第一页 */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getKeys: {
        parameters: {
            query?: {
                /** @description 每页条数，1–500，默认50 */
                limit?: number;
                /** @description 上一页应答中的 next（不透明游标，原样传回）；省略为第一页 */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyPage"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewApiKeyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewApiKeyAnswer"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteKeysById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已吊销 */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJobs: {
        parameters: {
            query?: {
                /** @description 每页条数，1–500，默认50 */
                limit?: number;
                /** @description 上一页应答中的 next（不透明游标，原样传回）；省略为第一页 */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobPage"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postJobs: {
        parameters: {
            query?: {
                /** @description 评分政策 id；省略时每张表单按其财政区划与年度选择适用的政策 */
                policy?: string;
                /** @description 每个结果为 BriefResult（brief，默认）或完整的 ScoreResult（full） */
                detail?: "brief" | "full";
                /** @description standard：每个结果为标准表格式（填好计算列，jixiao 结果在 jixiao 键下）；也可用 Accept: application/vnd.jixiao.standard+json */
                shape?: "form" | "standard";
                /** @description 作业结束后接收签名摘要的 URL；其来源须在 CALLBACK_ORIGINS 之内 */
                callback?: string;
                /** @description true：评分后把表单保存为自评表（仅财政密钥） */
                store?: "0" | "1" | "true" | "false";
                /** @description 上传工作簿时：只读该工作表 */
                sheet?: string;
                /** @description 上传工作簿时：财政区划代码 */
                mofDivCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description application/x-ndjson：每行一张表单（jixiao 表单或一体化规范表形状）；application/json：表单数组；multipart/form-data（字段 file）或 xlsx：批量工作簿 */
        requestBody: {
            content: {
                "application/x-ndjson": components["schemas"]["AnyFormInput"] | components["schemas"]["StandardBodyInput"];
                "application/json": (components["schemas"]["AnyFormInput"] | components["schemas"]["StandardBodyInput"])[];
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description 自评表工作簿（.xlsx，最大 20 MB）
                     */
                    file: string;
                };
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 当前角色无权执行此操作 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求体或单行过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 不支持的内容类型 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 表单无效：errors 列出每个问题及其 JSON 指针 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 请求过多（Retry-After） */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postJobsCallbackSecret: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackSecret"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJobsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteJobsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 冲突（如 Idempotency-Key 已用于另一个请求） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJobsByIdResults: {
        parameters: {
            query?: {
                /** @description pending 审核中 / done 已审核 / failed 审核失败 */
                status?: "pending" | "done" | "failed";
                /** @description ndjson（默认）：全部结果的流；json：一页 {items, next} */
                format?: "ndjson" | "json";
                /** @description 每页条数，1–500，默认50 */
                limit?: number;
                /** @description 上一页应答中的 next（不透明游标，原样传回）；省略为第一页 */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 结果 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["JobLine"];
                    "application/json": components["schemas"]["JobResultPage"];
                };
            };
            /** @description 请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效） */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJobsByIdResultsByProCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                proCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobLineByProCode"];
                };
            };
            /** @description 缺少或无效的 API 密钥 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 服务暂不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
