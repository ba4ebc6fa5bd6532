-- Issue #17: templates shipped with the system, so a fresh installation can remind and notify at once; an
-- administrator edits them on the campaigns page (the signature and the opt-out text are added when rendered).
-- The outage ones say what the built-in texts of OutageNotices say; a template already there is never replaced.
insert into sms_templates (name, kind, body, updated_by) values
    ('arrears', 'arrears',
     '尊敬的{name}：您户号{accountNo}{period}电费{amount}元已逾期{daysOverdue}天，请于{dueDate}前缴纳，可通过网上国网App、微信、支付宝或供电营业厅缴费。',
     'system'),
    ('outage-planned', 'outage',
     '尊敬的客户：因{reason}，{area}计划于{start}至{end}停电，请提前做好准备。停电编号{outageNo}。', 'system'),
    ('outage-unplanned', 'outage',
     '尊敬的客户：{area}因{reason}停电，抢修人员正在处理，预计{end}恢复供电。停电编号{outageNo}。', 'system'),
    ('outage-extended', 'outage',
     '尊敬的客户：{area}停电（{outageNo}）预计恢复时间延至{end}，给您带来不便，敬请谅解。', 'system'),
    ('outage-restored', 'outage',
     '尊敬的客户：{area}已于{restored}恢复供电（{outageNo}），感谢您的理解与支持。', 'system'),
    ('work-order-confirmed', 'work_order',
     '您的报修已受理，工单号{orderNo}，抢修人员将尽快处理，如有疑问请致电95598。', 'system')
on conflict (name) do nothing;
