<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于劳务驿站</source>
        <translation>About Labor Station</translation>
    </message>
    <message>
        <source>劳务驿站</source>
        <translation>Labor Station</translation>
    </message>
    <message>
        <source>版本 {0}</source>
        <translation>Version {0}</translation>
    </message>
    <message>
        <source>农村劳动力实名台账、岗位匹配、劳务输出与维权卡</source>
        <translation>Rural labor roster, job matching, labor dispatch and rights cards</translation>
    </message>
    <message>
        <source>数据文件夹：{0}</source>
        <translation>Data folder: {0}</translation>
    </message>
    <message>
        <source>界面组件：Qt {0}</source>
        <translation>Interface toolkit: Qt {0}</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>每次导出名单、台账，每次“显示完整信息”都记在这里（只记文件名、记录编号和人数，不记身份证号和电话）。审计日志只保存在本机，不能修改。</source>
        <translation>Every export of a list or ledger and every &quot;Show full information&quot; is recorded here (only the file name, record id and number of people, never ID numbers or phones). The audit log stays on this computer and cannot be edited.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>经纪人</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>What</translation>
    </message>
    <message>
        <source>身份证号和电话</source>
        <translation>ID numbers and phones</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>文件或记录</source>
        <translation>File or record</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>共 {0} 条</source>
        <translation>{0} entries</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>显示完整信息</source>
        <translation>Show full information</translation>
    </message>
    <message>
        <source>（未设经纪人）</source>
        <translation>(no operator set)</translation>
    </message>
    <message>
        <source>完整</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>已遮盖</source>
        <translation>Masked</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <source>时间</source>
        <extracomment>The stored backup settings (the list and 立即备份 use the stored folder).</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>恢复选中的备份，或选择一个备份文件</source>
        <translation>Restore the selected backup, or choose a backup file</translation>
    </message>
    <message>
        <source>不填则放在数据目录的 backups 文件夹</source>
        <translation>Leave empty to keep them in the data folder&apos;s backups folder</translation>
    </message>
    <message>
        <source>可选U盘或另一块硬盘上的文件夹；升级前的备份仍放在数据目录里</source>
        <translation>A folder on a USB drive or another disk is fine; backups taken before an upgrade stay in the data folder</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>每天启动时自动备份一次；超过这个天数的自动备份会被删除，手动备份不会</source>
        <translation>One automatic backup a day at start-up; automatic backups older than this are deleted, manual ones never</translation>
    </message>
    <message>
        <source> 份</source>
        <translation> backups</translation>
    </message>
    <message>
        <source>自动备份超过这个份数时，删除最旧的</source>
        <translation>When there are more automatic backups than this, the oldest are deleted</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>自动备份保留</source>
        <translation>Keep automatic backups for</translation>
    </message>
    <message>
        <source>最多保留</source>
        <translation>Keep at most</translation>
    </message>
    <message>
        <source>选择备份文件夹</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source>每日自动</source>
        <translation>Daily (automatic)</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>升级前</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>驿站数据库备份 (*.sqlite3 *.before-restore);;所有文件 (*)</source>
        <translation>Station database backups (*.sqlite3 *.before-restore);;All files (*)</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>用这个备份替换当前的全部数据？
{0}

当前数据会先另存为“恢复前”的备份。软件将关闭并重新打开。</source>
        <translation>Replace all current data with this backup?
{0}

The current data is first kept as a “before restore” backup. The app will close and open again.</translation>
    </message>
</context>
<context>
    <name>BatchEditorDialog</name>
    <message>
        <source>编辑批次</source>
        <translation>Edit batch</translation>
    </message>
    <message>
        <source>新建劳务输出批次</source>
        <translation>New labor export batch</translation>
    </message>
    <message>
        <source>不填则为“出发日期 务工单位”</source>
        <translation>Leave empty for &quot;departure date employer&quot;</translation>
    </message>
    <message>
        <source>如 江苏苏州工业园区、青岛市黄岛区</source>
        <translation>e.g. Suzhou Industrial Park, Jiangsu; Huangdao, Qingdao</translation>
    </message>
    <message>
        <source>如 包车、高铁</source>
        <translation>e.g. chartered bus, high-speed rail</translation>
    </message>
    <message>
        <source>（不关联工程项目）</source>
        <translation>(not linked to a project)</translation>
    </message>
    <message>
        <source>选择后，本批人员的维权卡按这个工程项目发放和打印</source>
        <translation>Once chosen, this batch&apos;s rights cards are issued and printed for this construction project</translation>
    </message>
    <message>
        <source>按地点判断</source>
        <translation>From the location</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <source>务工单位*</source>
        <translation>Employer*</translation>
    </message>
    <message>
        <source>工程项目</source>
        <translation>Construction project</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>务工地点</source>
        <translation>Work location</translation>
    </message>
    <message>
        <source>务工地域</source>
        <translation>Work region</translation>
    </message>
    <message>
        <source>出发日期</source>
        <translation>Departure date</translation>
    </message>
    <message>
        <source>交通方式</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>带队人</source>
        <translation>Group leader</translation>
    </message>
    <message>
        <source>带队人电话</source>
        <translation>Leader&apos;s phone</translation>
    </message>
    <message>
        <source>批次名称</source>
        <translation>Batch name</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>BatchFilterBar</name>
    <message>
        <source>搜索批次、单位、地点、带队人</source>
        <translation>Search batches, employers, locations, leaders</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>出发日期</source>
        <translation>Departure date</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message>
        <source>编辑批次…</source>
        <translation>Edit batch…</translation>
    </message>
    <message>
        <source>添加人员…</source>
        <translation>Add people…</translation>
    </message>
    <message>
        <source>移除所选人员</source>
        <translation>Remove selected people</translation>
    </message>
    <message>
        <source>导出本批名单…</source>
        <translation>Export this batch&apos;s list…</translation>
    </message>
    <message>
        <source>打印维权卡…</source>
        <translation>Print rights cards…</translation>
    </message>
    <message>
        <source>为本批人员签发并预览打印农民工维权联系卡</source>
        <translation>Issue migrant workers&apos; rights contact cards for this batch and preview printing</translation>
    </message>
    <message>
        <source>取消批次…</source>
        <translation>Cancel batch…</translation>
    </message>
    <message>
        <source>未成行的批次（仅筹备中）</source>
        <translation>A batch that did not set off (preparing only)</translation>
    </message>
    <message>
        <source>标记已出发…</source>
        <translation>Mark as departed…</translation>
    </message>
    <message>
        <source>标记已到岗…</source>
        <translation>Mark as arrived…</translation>
    </message>
    <message>
        <source>结束批次…</source>
        <translation>Close batch…</translation>
    </message>
    <message>
        <source>请在上方选择一个批次</source>
        <translation>Select a batch above</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>状态：{0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <source>务工单位：{0}</source>
        <translation>Employer: {0}</translation>
    </message>
    <message>
        <source>务工地点：{0}（{1}）</source>
        <translation>Work location: {0} ({1})</translation>
    </message>
    <message>
        <source>出发日期：{0}</source>
        <translation>Departure date: {0}</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>交通：{0}</source>
        <translation>Transport: {0}</translation>
    </message>
    <message>
        <source>带队人：{0}</source>
        <translation>Group leader: {0}</translation>
    </message>
    <message>
        <source>共 {0} 人，其中脱贫人口 {1} 人</source>
        <translation>{0} people, of whom {1} lifted out of poverty</translation>
    </message>
</context>
<context>
    <name>BatchStatusDialog</name>
    <message>
        <source>更改批次状态</source>
        <translation>Change batch status</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>新状态</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>出发日期改为所选日期；已在该单位上岗的人员，就业方式记为“有组织劳务输出”。出发后仍可增减人员，到岗后名单固定。</source>
        <translation>The departure date becomes the selected date; people already working at this employer are recorded as &quot;organized labor export&quot;. People can still be added or removed after departure; the list is fixed on arrival.</translation>
    </message>
    <message>
        <source>到岗后人员名单固定。尚未在该单位就业的人员登记为已就业（就业方式：有组织劳务输出，开始日期为所选日期）；来自“录用”匹配的人员，匹配同时改为“已上岗”。</source>
        <translation>On arrival the list is fixed. People not yet employed at this employer are recorded as employed (organized labor export, starting on the selected date); matches marked &quot;Hired&quot; become &quot;Working&quot;.</translation>
    </message>
    <message>
        <source>批次结束后只能修改备注；人员的就业记录不变。</source>
        <translation>After a batch is closed only its notes can change; people&apos;s employment records stay as they are.</translation>
    </message>
</context>
<context>
    <name>BatchTableModel</name>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>其中脱贫</source>
        <translation>Lifted out of poverty</translation>
    </message>
    <message>
        <source>出发日期</source>
        <translation>Departure date</translation>
    </message>
    <message>
        <source>务工单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>务工地域</source>
        <translation>Work region</translation>
    </message>
    <message>
        <source>务工地点</source>
        <translation>Work location</translation>
    </message>
    <message>
        <source>带队人</source>
        <translation>Group leader</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>CardPrintActions</name>
    <message>
        <source>打印预览：维权联系卡</source>
        <translation>Print preview: rights contact cards</translation>
    </message>
    <message>
        <source>正在打印维权卡</source>
        <translation>Printing rights cards</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已导出 {0} 张维权卡：
{1}</source>
        <translation>Exported {0} rights cards:
{1}</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在导出维权卡</source>
        <translation>Exporting rights cards</translation>
    </message>
    <message>
        <source>正在准备维权卡</source>
        <translation>Preparing rights cards</translation>
    </message>
    <message>
        <source>未发新卡</source>
        <translation>No new cards issued</translation>
    </message>
    <message>
        <source>部分劳动力没有维权卡</source>
        <translation>Some workers have no rights card</translation>
    </message>
    <message>
        <source>{0} 人没有打印：{1}</source>
        <translation>{0} people not printed: {1}</translation>
    </message>
</context>
<context>
    <name>CardSettingsTab</name>
    <message>
        <source>新建工程项目时，没填的投诉电话按这里预填；已有项目和已发的卡不变。</source>
        <translation>A new project&apos;s empty complaint phones are filled in from here; existing projects and issued cards do not change.</translation>
    </message>
    <message>
        <source>如 0537-5212345 或 12333</source>
        <translation>e.g. 0537-5212345 or 12333</translation>
    </message>
    <message>
        <source>钱包卡（每页10张）</source>
        <translation>Wallet cards (10 per page)</translation>
    </message>
    <message>
        <source>安全帽贴（每页24张）</source>
        <translation>Helmet stickers (24 per page)</translation>
    </message>
    <message>
        <source>安全帽贴：标签纸 70×37（每页24张）</source>
        <translation>Helmet stickers: label sheet 70×37 (24 a page)</translation>
    </message>
    <message>
        <source>安全帽贴：标签纸 63.5×38.1（每页21张）</source>
        <translation>Helmet stickers: label sheet 63.5×38.1 (21 a page)</translation>
    </message>
    <message>
        <source>0，单位毫米，如 -1.5</source>
        <translation>0, in millimetres, e.g. -1.5</translation>
    </message>
    <message>
        <source>如 https://wq.zcrs.gov.cn；不填则二维码显示文字</source>
        <translation>e.g. https://wq.zcrs.gov.cn; leave empty to show text in the QR code</translation>
    </message>
    <message>
        <source>县里开通公共卡片服务后填写（同步时也会自动填上）。填了：工人用微信扫卡上的二维码打开卡片页面，可一键投诉；不填：扫码显示投诉电话。两种二维码本机都能验卡。</source>
        <translation>Fill in once the county starts the public card service (sync also fills it in). Filled in: workers scan the card&apos;s QR code with WeChat to open the card page and complain in one tap. Empty: scanning shows the complaint phones. This computer can verify both kinds of QR code.</translation>
    </message>
    <message>
        <source>生成打印测试页…</source>
        <translation>Make a printer test page…</translation>
    </message>
    <message>
        <source>人社（劳动保障监察）投诉电话</source>
        <translation>Labour inspection (HRSS) complaint phone</translation>
    </message>
    <message>
        <source>住建部门投诉电话</source>
        <translation>Housing and construction complaint phone</translation>
    </message>
    <message>
        <source>全国人社服务热线</source>
        <translation>National HRSS hotline</translation>
    </message>
    <message>
        <source>默认版式</source>
        <translation>Default layout</translation>
    </message>
    <message>
        <source>默认打印机</source>
        <translation>Default printer</translation>
    </message>
    <message>
        <source>打印偏移：向右（毫米）</source>
        <translation>Printer offset: right (mm)</translation>
    </message>
    <message>
        <source>打印偏移：向下（毫米）</source>
        <translation>Printer offset: down (mm)</translation>
    </message>
    <message>
        <source>公共卡片服务地址</source>
        <translation>Public card service address</translation>
    </message>
    <message>
        <source>保存打印测试页</source>
        <translation>Save the printer test page</translation>
    </message>
    <message>
        <source>打印测试页.pdf</source>
        <translation>printer test page.pdf</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>系统默认打印机</source>
        <translation>System default printer</translation>
    </message>
    <message>
        <source>{0}（未连接）</source>
        <translation>{0} (not connected)</translation>
    </message>
</context>
<context>
    <name>CardTableModel</name>
    <message>
        <source>卡号</source>
        <translation>Card no.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>签发日期</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>工人或项目信息已改动，卡上签名的内容已不是最新，请换发</source>
        <translation>The worker or project details changed since the card was signed; please reissue it</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>需换发</source>
        <translation>Needs reissue</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>打印告示牌…</source>
        <translation>Print notice board…</translation>
    </message>
    <message>
        <source>本项目的农民工工资维权信息告示牌（A4 或 A3），张贴在工地</source>
        <translation>Migrant workers&apos; wage rights notice board for this project (A4 or A3), to post at the site</translation>
    </message>
    <message>
        <source>核验维权卡…</source>
        <translation>Verify rights card…</translation>
    </message>
    <message>
        <source>扫码或从图片核验一张维权卡的真伪</source>
        <translation>Check a rights card is genuine by scanning it or from a picture</translation>
    </message>
    <message>
        <source>工程项目</source>
        <translation>Construction projects</translation>
    </message>
    <message>
        <source>发卡…</source>
        <translation>Issue cards…</translation>
    </message>
    <message>
        <source>换发</source>
        <translation>Reissue</translation>
    </message>
    <message>
        <source>为选中的人重新签发新卡，旧卡作废（卡丢失、信息变更）</source>
        <translation>Issue new cards to the selected people and revoke the old ones (lost card, changed details)</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>钱包卡（每页10张）</source>
        <translation>Wallet cards (10 per page)</translation>
    </message>
    <message>
        <source>安全帽贴（每页24张）</source>
        <translation>Helmet stickers (24 per page)</translation>
    </message>
    <message>
        <source>安全帽贴：标签纸 70×37（每页24张）</source>
        <translation>Helmet stickers: label sheet 70×37 (24 a page)</translation>
    </message>
    <message>
        <source>安全帽贴：标签纸 63.5×38.1（每页21张）</source>
        <translation>Helmet stickers: label sheet 63.5×38.1 (21 a page)</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>导出PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>{0}
{1} 张有效卡</source>
        <translation>{0}
{1} valid cards</translation>
    </message>
    <message>
        <source>还没有工程项目：点“新建项目”开始</source>
        <translation>No construction projects yet: click &quot;New project&quot; to start</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&#x3000;总包：{1}&#x3000;劳资专管员：{2} {3}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&#x3000;Main contractor: {1}&#x3000;Payroll officer: {2} {3}</translation>
    </message>
    <message>
        <source>作废维权卡</source>
        <translation>Revoke rights cards</translation>
    </message>
    <message>
        <source>作废选中的 {0} 张卡？作废后扫码核验会显示“已作废”，不能恢复。</source>
        <translation>Revoke the {0} selected cards? Scanning them will then show &quot;Revoked&quot;; this cannot be undone.</translation>
    </message>
    <message>
        <source>发卡</source>
        <translation>Issue cards</translation>
    </message>
    <message>
        <source>{0} 人未发卡：{1}</source>
        <translation>{0} people not issued a card: {1}</translation>
    </message>
    <message>
        <source>正在签发维权卡</source>
        <translation>Issuing rights cards</translation>
    </message>
    <message>
        <source>维权卡-{0}</source>
        <translation>Rights card-{0}</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>存为图片</source>
        <extracomment>Height of a card&apos;s chart area when the chart scrolls (long village lists).</extracomment>
        <translation>Save as image</translation>
    </message>
    <message>
        <source>把这张图存为 PNG 图片（清晰度为屏幕的两倍）</source>
        <translation>Save this chart as a PNG image (twice the screen resolution)</translation>
    </message>
    <message>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>无法保存图片到：
{0}</source>
        <translation>Cannot save the image to:
{0}</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>暂无数据</source>
        <extracomment>Space around the drawing, in pixels. A category was clicked (index into the data&apos;s categories); only when clickable. Times the chart was drawn with data (tests and the benchmark wait on it).</extracomment>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>合计：{0}</source>
        <translation>Total: {0}</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>劳动力就业状态</source>
        <translation>Workers&apos; employment status</translation>
    </message>
    <message>
        <source>已就业人员务工地域</source>
        <translation>Where employed workers work</translation>
    </message>
    <message>
        <source>培训完成情况</source>
        <translation>Training completed</translation>
    </message>
    <message>
        <source>匹配进展（近12个月）</source>
        <translation>Match progress (last 12 months)</translation>
    </message>
    <message>
        <source>劳务输出人数（近12个月）</source>
        <translation>People in labor export (last 12 months)</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>劳动力就业状态（共 {0} 人）</source>
        <translation>Workers&apos; employment status ({0} people)</translation>
    </message>
    <message>
        <source>已就业人员务工地域（共 {0} 人）</source>
        <translation>Where employed workers work ({0} people)</translation>
    </message>
    <message>
        <source>另有 {0} 人未填务工地域</source>
        <translation>{0} more people have no work region</translation>
    </message>
    <message>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <source>占 {0}</source>
        <translation>{0} of total</translation>
    </message>
    <message>
        <source>共 {0} 人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <source>{0}至{1}，每月各状态的变动次数</source>
        <translation>{0} to {1}: status changes per month</translation>
    </message>
    <message>
        <source>人，{0} 批</source>
        <translation>people, {0} batches</translation>
    </message>
    <message>
        <source>按出发月份统计已出发批次的人员</source>
        <translation>People in departed batches, by month of departure</translation>
    </message>
    <message>
        <source>{0}年培训完成情况（人次）</source>
        <translation>Training completed in {0} (attendances)</translation>
    </message>
    <message>
        <source>竖线为本驿站目标；济宁市全年目标见各行提示</source>
        <translation>The vertical line is this station&apos;s target; Jining&apos;s yearly targets are in each row&apos;s tooltip</translation>
    </message>
    <message>
        <source>济宁市全年目标：创业培训 2000、农业经营 1万、职业技能 5000 人次；本驿站目标未设置，可点“设置目标”填写</source>
        <translation>Jining&apos;s yearly targets: entrepreneurship 2,000, farm business 10,000, vocational skills 5,000 attendances; this station has no target yet, click &quot;Set targets&quot; to enter one</translation>
    </message>
    <message>
        <source>人次</source>
        <translation>attendances</translation>
    </message>
</context>
<context>
    <name>CluePanel</name>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>登记线索…</source>
        <translation>Register clue…</translation>
    </message>
    <message>
        <source>登记电话或来访反映的欠薪线索</source>
        <translation>Register a wage-arrears clue reported by phone or in person</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>办结…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>不予受理…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <source>群众可见说明…</source>
        <translation>Public note…</translation>
    </message>
    <message>
        <source>反映人扫码“查询进度”时看到的说明</source>
        <translation>The note the reporter sees when scanning to &quot;Check progress&quot;</translation>
    </message>
    <message>
        <source>显示电话</source>
        <translation>Show phone</translation>
    </message>
    <message>
        <source>显示反映人的完整电话以便回访（记入审计日志）</source>
        <translation>Show the reporter&apos;s full phone number to call back (recorded in the audit log)</translation>
    </message>
    <message>
        <source>欠薪线索</source>
        <translation>Wage-arrears clues</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Close clue</translation>
    </message>
    <message>
        <source>办理结果（反映人扫码查询进度时能看到，请写清楚，不写个人信息）：</source>
        <translation>Outcome (the reporter sees it when checking progress by QR code; write it clearly, with no personal details):</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refuse clue</translation>
    </message>
    <message>
        <source>不予受理的理由（反映人能看到；如属其他部门管辖，请写明去哪里反映）：</source>
        <translation>Reason for refusing (the reporter sees it; if another department is responsible, say where to report):</translation>
    </message>
    <message>
        <source>群众可见说明</source>
        <translation>Public note</translation>
    </message>
    <message>
        <source>反映人扫码查询进度时看到的说明：</source>
        <translation>The note the reporter sees when checking progress by QR code:</translation>
    </message>
    <message>
        <source>共 {0} 条</source>
        <translation>{0} entries</translation>
    </message>
    <message>
        <source>，其中 {0} 条已超期</source>
        <translation>, {0} overdue</translation>
    </message>
    <message>
        <source>电话：{0}</source>
        <translation>Phone: {0}</translation>
    </message>
    <message>
        <source>查询码：{0}</source>
        <translation>Query code: {0}</translation>
    </message>
    <message>
        <source>欠薪 {0} 元</source>
        <translation>{0} yuan owed</translation>
    </message>
    <message>
        <source>{0} 个月</source>
        <translation>{0} months</translation>
    </message>
    <message>
        <source>受理：{0}</source>
        <translation>Accepted: {0}</translation>
    </message>
    <message>
        <source>办结：{0}</source>
        <translation>Closed: {0}</translation>
    </message>
    <message>
        <source>情况：{0}</source>
        <translation>Details: {0}</translation>
    </message>
    <message>
        <source>不予受理理由：{0}</source>
        <translation>Reason refused: {0}</translation>
    </message>
    <message>
        <source>群众可见说明：{0}</source>
        <translation>Public note: {0}</translation>
    </message>
</context>
<context>
    <name>ClueStatsPanel</name>
    <message>
        <source>{0}年{1}月</source>
        <extracomment>The headers, marked for translation (``FIGURE_HEADERS`` is what the workbook prints).</extracomment>
        <translation>{1}/{0}</translation>
    </message>
    <message>
        <source>统计月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>时限：受理{0}天、办结{1}天，自收到之日起计；超期按{2}计。</source>
        <translation>Time limits: accept within {0} days, close within {1} days, counted from receipt; overdue as of {2}.</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>按期办结</source>
        <translation>Closed on time</translation>
    </message>
    <message>
        <source>收到线索</source>
        <translation>Clues received</translation>
    </message>
    <message>
        <source>月末超期未办</source>
        <translation>Overdue at month end</translation>
    </message>
    <message>
        <source>逾期办结</source>
        <translation>Closed late</translation>
    </message>
    <message>
        <source>项目检查</source>
        <translation>Site inspections</translation>
    </message>
</context>
<context>
    <name>ClueTableModel</name>
    <message>
        <source>反映日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>工程项目</source>
        <translation>Construction project</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>反映人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>下一步期限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <source>（未指明项目）</source>
        <translation>(no project given)</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{0}前{1}</source>
        <translation>{1} by {0}</translation>
    </message>
    <message>
        <source>{0}（已超期）</source>
        <translation>{0} (overdue)</translation>
    </message>
</context>
<context>
    <name>ClueTextDialog</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{0}/{1} 字</source>
        <translation>{0}/{1} characters</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>两个驿站同时修改了同一项，服务器按修改时间采用了较晚的值。冲突由镇街或县人社局在同步服务器上处理（可改为采用未采用的值），处理结果会在下次同步时自动下载；本机只能查看。</source>
        <extracomment>The number of conflicts listed.</extracomment>
        <translation>Two stations changed the same item; the server kept the later value. The township or county HR bureau resolves conflicts on the sync server (and may switch to the other value); the result is downloaded at the next sync. This computer can only view them.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>采用的值</source>
        <translation>Kept value</translation>
    </message>
    <message>
        <source>未采用的值</source>
        <translation>Discarded value</translation>
    </message>
    <message>
        <source>{0} 与 {1}</source>
        <translation>{0} and {1}</translation>
    </message>
    <message>
        <source>选中一条冲突可查看完整的值。</source>
        <translation>Select a conflict to see the full values.</translation>
    </message>
    <message>
        <source>没有冲突。</source>
        <translation>No conflicts.</translation>
    </message>
    <message>
        <source>冲突编号 {0}，记录编号 {1}</source>
        <translation>Conflict {0}, record {1}</translation>
    </message>
    <message>
        <source>采用的值：{0}</source>
        <translation>Kept value: {0}</translation>
    </message>
    <message>
        <source>未采用的值：{0}</source>
        <translation>Discarded value: {0}</translation>
    </message>
    <message>
        <source>另一条记录编号 {0}</source>
        <translation>Other record: {0}</translation>
    </message>
</context>
<context>
    <name>DispatchExport</name>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>导出劳务输出名单</source>
        <translation>Export labor export list</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>导出完整身份证号和电话？
选“否”时身份证号只显示前6位和后4位、电话隐藏中间4位、人员类别只写“重点帮扶”。报送人社部门的台账请选“是”，这次导出会记入审计日志。</source>
        <translation>Export full ID numbers and phone numbers?
With &quot;No&quot;, ID numbers show only their first 6 and last 4 characters, phones hide their middle 4 digits and the category reads only &quot;Priority support&quot;. For a ledger sent to the HR and Social Security bureau choose &quot;Yes&quot;; this export is recorded in the audit log.</translation>
    </message>
    <message>
        <source>导出就业帮扶台账</source>
        <translation>Export employment support ledger</translation>
    </message>
    <message>
        <source>导出月度统计表</source>
        <translation>Export monthly statistics</translation>
    </message>
    <message>
        <source>已导出 {0} 批、{1} 人（其中脱贫人口 {2} 人）到：
{3}</source>
        <translation>Exported {0} batches, {1} people ({2} lifted out of poverty) to:
{3}</translation>
    </message>
    <message>
        <source>已导出{0}统计表到：
{1}</source>
        <translation>Exported the {0} statistics to:
{1}</translation>
    </message>
    <message>
        <source>已导出就业帮扶台账 {0} 人到：
{1}</source>
        <translation>Exported the employment support ledger ({0} people) to:
{1}</translation>
    </message>
    <message>
        <source>正在导出劳务输出名单…</source>
        <translation>Exporting labor export list…</translation>
    </message>
    <message>
        <source>正在导出就业帮扶台账…</source>
        <translation>Exporting employment support ledger…</translation>
    </message>
    <message>
        <source>正在导出月度统计表…</source>
        <translation>Exporting monthly statistics…</translation>
    </message>
    <message>
        <source>选择保存名单的文件夹</source>
        <translation>Choose a folder for the lists</translation>
    </message>
</context>
<context>
    <name>DispatchPage</name>
    <message>
        <source>新建批次</source>
        <extracomment>Record kinds whose changes can alter what the page shows.</extracomment>
        <translation>New batch</translation>
    </message>
    <message>
        <source>导出名单…</source>
        <translation>Export list…</translation>
    </message>
    <message>
        <source>导出所选批次的人员名单；未选择时导出列表中的全部批次</source>
        <translation>Export the people of the selected batches; with none selected, every batch in the list</translation>
    </message>
    <message>
        <source>其他报表</source>
        <translation>Other reports</translation>
    </message>
    <message>
        <source>就业帮扶台账…</source>
        <translation>Employment support ledger…</translation>
    </message>
    <message>
        <source>月度统计表…</source>
        <translation>Monthly statistics…</translation>
    </message>
    <message>
        <source>共 {0} 批</source>
        <translation>{0} batches</translation>
    </message>
    <message>
        <source>移除人员</source>
        <translation>Remove people</translation>
    </message>
    <message>
        <source>从本批次移除所选的 {0} 人？</source>
        <translation>Remove the {0} selected people from this batch?</translation>
    </message>
    <message>
        <source>取消批次</source>
        <translation>Cancel batch</translation>
    </message>
    <message>
        <source>取消这个未成行的批次？批次和人员名单将归档，不再计入统计。</source>
        <translation>Cancel this batch that did not set off? The batch and its list will be archived and no longer counted.</translation>
    </message>
    <message>
        <source>打印维权卡</source>
        <translation>Print rights cards</translation>
    </message>
    <message>
        <source>这个批次还没有人员。</source>
        <translation>This batch has no members yet.</translation>
    </message>
    <message>
        <source>这个批次还没有关联工程项目。请在“编辑批次”中选择工程项目（没有的先在“维权卡”页新建），再打印维权卡。</source>
        <translation>This batch is not linked to a construction project. Choose the project in &quot;Edit batch&quot; (create it on the Rights cards page first if it is missing), then print the rights cards.</translation>
    </message>
    <message>
        <source>本批 {0} 人中有 {1} 人还没有“{2}”的维权卡。现在为他们发卡并打印吗？</source>
        <translation>{1} of the {0} people in this batch have no rights card for &quot;{2}&quot; yet. Issue their cards now and print?</translation>
    </message>
    <message>
        <source>添加人员</source>
        <translation>Add people</translation>
    </message>
    <message>
        <source>已加入 {0} 人；以下人员未加入：
{1}</source>
        <translation>Added {0} people; these were not added:
{1}</translation>
    </message>
    <message>
        <source>已更新 {0} 人的就业信息，{1} 条匹配改为“已上岗”。</source>
        <translation>Updated employment for {0} people; {1} matches set to &quot;Working&quot;.</translation>
    </message>
    <message>
        <source>批次状态已更改</source>
        <translation>Batch status changed</translation>
    </message>
    <message>
        <source>导出所选 {0} 批名单…</source>
        <translation>Export {0} selected batches…</translation>
    </message>
</context>
<context>
    <name>EnrolForm</name>
    <message>
        <source>县人社局提供的地址，如 https://sync.example.cn</source>
        <extracomment>Enrolment succeeded (the station&apos;s org unit and credential are stored).</extracomment>
        <translation>Address from the county HR bureau, e.g. https://sync.example.cn</translation>
    </message>
    <message>
        <source>县人社局发的一次性注册码</source>
        <translation>One-time enrolment code from the county HR bureau</translation>
    </message>
    <message>
        <source>可不填；县里提供了服务器证书文件时在这里选择</source>
        <translation>Optional; choose it here if the county gave you a server certificate file</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>注册</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>注册码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>服务器证书文件</source>
        <translation>Server certificate file</translation>
    </message>
    <message>
        <source>选择服务器证书文件</source>
        <translation>Choose the server certificate file</translation>
    </message>
    <message>
        <source>正在连接服务器注册…</source>
        <translation>Connecting to the server to enrol…</translation>
    </message>
    <message>
        <source>注册成功：{0}（{1}）</source>
        <translation>Enrolled: {0} ({1})</translation>
    </message>
    <message>
        <source>无法连接服务器，没有注册。请检查服务器地址和网络，然后再点“注册”。</source>
        <translation>Cannot reach the server; not enrolled. Check the server address and the network, then click “Enrol” again.</translation>
    </message>
    <message>
        <source>注册失败：{0}</source>
        <translation>Enrolment failed: {0}</translation>
    </message>
    <message>
        <source>证书文件 (*.pem *.crt *.cer);;所有文件 (*)</source>
        <translation>Certificate files (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <source>导出劳务输出名单</source>
        <translation>Export labor export list</translation>
    </message>
    <message>
        <source>一个工作簿：每批一个工作表，另附汇总表</source>
        <translation>One workbook: a sheet per batch plus a summary sheet</translation>
    </message>
    <message>
        <source>每批一个文件，保存到一个文件夹</source>
        <translation>One file per batch, saved in a folder</translation>
    </message>
    <message>
        <source>导出完整身份证号和电话</source>
        <translation>Export full ID numbers and phone numbers</translation>
    </message>
    <message>
        <source>不勾选时身份证号只显示前6位和后4位、电话隐藏中间4位、不写脱贫身份；完整导出会记入审计日志</source>
        <translation>Unticked: ID numbers show only their first 6 and last 4 characters, phones hide their middle 4 digits and poverty status is left out; a full export is recorded in the audit log</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>共 {0} 个批次</source>
        <translation>{0} batches</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>已隐藏；点“显示完整信息”查看或修改</source>
        <extracomment>Shown label, marked in the &quot;labels&quot; context; empty: the worker field&apos;s label. A choice that cannot be left blank (no empty entry in its list). The user changed the value (each keystroke). The user finished editing (focus left, Enter, or a choice was made).</extracomment>
        <translation>Hidden; click &quot;Show full information&quot; to see or edit it</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>输入村名的一部分</source>
        <translation>Type part of the village name</translation>
    </message>
    <message>
        <source>如 2024-03-15</source>
        <translation>e.g. 2024-03-15</translation>
    </message>
    <message>
        <source>只填数字</source>
        <translation>Digits only</translation>
    </message>
    <message>
        <source>多个用“、”隔开</source>
        <translation>Separate several with &quot;、&quot;</translation>
    </message>
    <message>
        <source>18位，最后一位可以是X</source>
        <translation>18 characters; the last may be X</translation>
    </message>
    <message>
        <source>手机号或固定电话</source>
        <translation>Mobile or landline</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>选择花名册</source>
        <translation>Choose a roster</translation>
    </message>
    <message>
        <source>选择要导入的 Excel 表格（.xlsx）。表头写有“姓名”“身份证号”等列名即可，列的顺序不限。</source>
        <translation>Choose the Excel file (.xlsx) to import. Its header needs column names such as &quot;姓名&quot; (name) and &quot;身份证号&quot; (ID number), in any order.</translation>
    </message>
    <message>
        <source>点“选择文件…”，或把文件路径粘贴到这里</source>
        <translation>Click &quot;Choose file…&quot; or paste the file path here</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)</source>
        <translation>Excel workbooks (*.xlsx *.xlsm);;All files (*)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>欢迎使用劳务驿站</source>
        <translation>Welcome to Labor Station</translation>
    </message>
    <message>
        <source>第一次使用，请先选择本驿站服务的村（社区）、镇街或市级单位，并填写经纪人的姓名和手机号。以后可以在“设置”里修改。</source>
        <translation>First use: choose the village (community), township or city unit this station serves, and enter the broker&apos;s name and mobile number. You can change them later in &quot;Settings&quot;.</translation>
    </message>
    <message>
        <source>开始使用</source>
        <translation>Get started</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>如果县人社局已发给本驿站注册码，可在这里注册（需要联网）：所属单位按服务器登记的设置，之后再回到“选择所属单位”填写经纪人。</source>
        <translation>If the county HR bureau has given this station an enrolment code, enrol here (needs internet): the unit is set as registered on the server; then go back to &quot;Choose unit&quot; to enter the broker.</translation>
    </message>
    <message>
        <source>选择所属单位</source>
        <translation>Choose unit</translation>
    </message>
    <message>
        <source>用注册码注册</source>
        <translation>Enrol with a code</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>岗位导入结果</source>
        <translation>Job import result</translation>
    </message>
    <message>
        <source>新增 {0} 个岗位，更新 {1} 个，未变 {2} 个，有误 {3} 行</source>
        <translation>{0} jobs added, {1} updated, {2} unchanged, {3} rows with errors</translation>
    </message>
    <message>
        <source>第 {0} 行 {1}：{2}</source>
        <translation>Row {0} {1}: {2}</translation>
    </message>
    <message>
        <source>提示：第 {0} 行 {1}：{2}</source>
        <translation>Note: row {0} {1}: {2}</translation>
    </message>
    <message>
        <source>全部导入成功。</source>
        <translation>Everything was imported.</translation>
    </message>
    <message>
        <source>保存有误的行…</source>
        <translation>Save rows with errors…</translation>
    </message>
    <message>
        <source>把有误的行和原因存成表格，改好后可再次导入</source>
        <translation>Save the rows with errors and the reasons as a spreadsheet; fix them and import again</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>保存有误的行</source>
        <translation>Save rows with errors</translation>
    </message>
    <message>
        <source>岗位导入有误的行.xlsx</source>
        <translation>job import errors.xlsx</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>从表格导入劳动力</source>
        <translation>Import workers from a spreadsheet</translation>
    </message>
    <message>
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <source>记录项目检查</source>
        <translation>Record site inspection</translation>
    </message>
    <message>
        <source>每行一个问题；没有就不填</source>
        <translation>One problem per line; leave empty if none</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Fix by</translation>
    </message>
    <message>
        <source>工程项目</source>
        <translation>Construction project</translation>
    </message>
    <message>
        <source>检查日期</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <source>检查人</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>在场工人数</source>
        <translation>Workers on site</translation>
    </message>
    <message>
        <source>维权卡有效</source>
        <translation>Valid rights card</translation>
    </message>
    <message>
        <source>未持卡</source>
        <translation>No card</translation>
    </message>
    <message>
        <source>卡无效（作废、过期、验不过）</source>
        <translation>Invalid card (revoked, expired or failed check)</translation>
    </message>
    <message>
        <source>检查情况</source>
        <translation>Inspection notes</translation>
    </message>
    <message>
        <source>发现的问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>还没有工程项目：请先在“维权卡”页新建项目</source>
        <translation>No construction projects yet: first create one on the &quot;Rights cards&quot; page</translation>
    </message>
</context>
<context>
    <name>JobEditorDialog</name>
    <message>
        <source>如 4000-6000元/月、150元/天、面议</source>
        <translation>e.g. 4000-6000 yuan/month, 150 yuan/day, negotiable</translation>
    </message>
    <message>
        <source>如 18-55周岁、55周岁以下、不限</source>
        <translation>e.g. 18-55, under 55, any</translation>
    </message>
    <message>
        <source>如 2025-07-01</source>
        <translation>e.g. 2025-07-01</translation>
    </message>
    <message>
        <source>如 2025-09-30</source>
        <translation>e.g. 2025-09-30</translation>
    </message>
    <message>
        <source>报名截止，如 2025-06-30</source>
        <translation>Application deadline, e.g. 2025-06-30</translation>
    </message>
    <message>
        <source>18位，可不填</source>
        <translation>18 characters, optional</translation>
    </message>
    <message>
        <source>如 太平镇工业园、江苏苏州</source>
        <translation>e.g. Taiping Town Industrial Park; Suzhou, Jiangsu</translation>
    </message>
    <message>
        <source>编辑岗位</source>
        <translation>Edit job</translation>
    </message>
    <message>
        <source>新增岗位</source>
        <translation>New job</translation>
    </message>
    <message>
        <source>已对照营业执照核对（校验位不符也保存）</source>
        <translation>Checked against the business licence (save even if the check digit fails)</translation>
    </message>
    <message>
        <source>这是上级发布的岗位，只能查看，不能在本驿站修改。</source>
        <extracomment>The township or village last guessed from the words (a guess, not a choice).</extracomment>
        <translation>This job was published by a higher level; it can be viewed but not changed at this station.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <source>岗位名称*</source>
        <translation>Job title*</translation>
    </message>
    <message>
        <source>用工单位*</source>
        <translation>Employer*</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>岗位类型</source>
        <translation>Job type</translation>
    </message>
    <message>
        <source>工种</source>
        <translation>Trade</translation>
    </message>
    <message>
        <source>工作地点</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <source>招聘人数</source>
        <translation>Openings</translation>
    </message>
    <message>
        <source>薪资待遇</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>年龄要求</source>
        <translation>Age range</translation>
    </message>
    <message>
        <source>开始 / 结束 / 截止日期</source>
        <translation>Start / end / closing date</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>岗位要求</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>（县外，或不具体到镇村）</source>
        <translation>(outside the county, or no township/village)</translation>
    </message>
</context>
<context>
    <name>JobFilterBar</name>
    <message>
        <source>搜索：岗位名称、单位、工种、地点或信用代码</source>
        <translation>Search: job title, employer, trade, location or credit code</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>全部地域</source>
        <translation>All regions</translation>
    </message>
    <message>
        <source>全部发布单位</source>
        <translation>All publishers</translation>
    </message>
    <message>
        <source>本驿站发布</source>
        <translation>Published here</translation>
    </message>
    <message>
        <source>上级发布</source>
        <translation>Published above</translation>
    </message>
    <message>
        <source>含已归档</source>
        <translation>Include archived</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <source>发布单位</source>
        <translation>Publisher</translation>
    </message>
    <message>
        <source>岗位名称</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>岗位类型</source>
        <translation>Job type</translation>
    </message>
    <message>
        <source>工作地点</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <source>工种</source>
        <translation>Trade</translation>
    </message>
    <message>
        <source>已录用/招聘</source>
        <translation>Hired/openings</translation>
    </message>
    <message>
        <source>市人社局</source>
        <translation>City HR bureau</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>本驿站</source>
        <translation>This station</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>用工单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>薪资</source>
        <translation>Pay</translation>
    </message>
</context>
<context>
    <name>JobsForWorkerDialog</name>
    <message>
        <source>为劳动力推荐岗位</source>
        <translation>Recommend jobs to a worker</translation>
    </message>
    <message>
        <source>推荐到所选岗位</source>
        <translation>Recommend for the selected jobs</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在计算推荐…</source>
        <translation>Finding recommendations…</translation>
    </message>
    <message>
        <source>{0} 目前不在推荐范围：{1}</source>
        <translation>{0} is not eligible for recommendations now: {1}</translation>
    </message>
    <message>
        <source>{0}：在 {1} 个在招岗位中，适合的有 {2} 个</source>
        <translation>{0}: {2} of {1} open jobs fit</translation>
    </message>
    <message>
        <source>已推荐。</source>
        <translation>Recommended.</translation>
    </message>
</context>
<context>
    <name>JobsPage</name>
    <message>
        <source>新增岗位</source>
        <translation>New job</translation>
    </message>
    <message>
        <source>推荐劳动力</source>
        <translation>Recommend workers</translation>
    </message>
    <message>
        <source>按工种、意向、就近和重点群体为所选岗位推荐劳动力</source>
        <translation>Recommend workers for the selected job by trade, preference, distance and priority group</translation>
    </message>
    <message>
        <source>从表格导入…</source>
        <translation>Import from spreadsheet…</translation>
    </message>
    <message>
        <source>选择岗位表格</source>
        <translation>Choose a jobs spreadsheet</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm)</source>
        <translation>Excel workbooks (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>导入岗位</source>
        <translation>Import jobs</translation>
    </message>
    <message>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>共 {0} 个岗位</source>
        <translation>{0} jobs</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>推荐劳动力…</source>
        <translation>Recommend workers…</translation>
    </message>
    <message>
        <source>标为已满员</source>
        <translation>Mark as filled</translation>
    </message>
    <message>
        <source>关闭岗位</source>
        <translation>Close job</translation>
    </message>
    <message>
        <source>重新招聘</source>
        <translation>Reopen</translation>
    </message>
</context>
<context>
    <name>KpiStrip</name>
    <message>
        <source>劳动力</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>已就业（含灵活就业、自主创业）</source>
        <translation>Employed (incl. flexible and self-employed)</translation>
    </message>
    <message>
        <source>未就业</source>
        <translation>Unemployed</translation>
    </message>
    <message>
        <source>脱贫人口（含监测对象）已就业</source>
        <translation>Lifted out of poverty (incl. monitored) employed</translation>
    </message>
    <message>
        <source>本月输出</source>
        <translation>Exported this month</translation>
    </message>
    <message>
        <source>本年培训</source>
        <translation>Trained this year</translation>
    </message>
</context>
<context>
    <name>LanguageTab</name>
    <message>
        <source>更改语言后，重新启动本软件生效。</source>
        <translation>A new language takes effect the next time the app starts.</translation>
    </message>
    <message>
        <source>语言 / Language</source>
        <translation>语言 / Language</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>劳务驿站已锁定</source>
        <translation>Labor Station is locked</translation>
    </message>
    <message>
        <source>电脑一段时间没有操作，为保护劳动力的个人信息已锁定。请输入 PIN 解锁。</source>
        <translation>The computer was idle for a while, so the window was locked to protect workers&apos; personal information. Enter the PIN to unlock.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>PIN 不对，已错 {0} 次，请 {1} 秒后再试。</source>
        <translation>Wrong PIN ({0} wrong in a row). Try again in {1} seconds.</translation>
    </message>
    <message>
        <source>PIN 不对，请重新输入。</source>
        <translation>Wrong PIN, please try again.</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <source>日志</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>信息及以上</source>
        <translation>Info and above</translation>
    </message>
    <message>
        <source>警告及以上</source>
        <translation>Warnings and above</translation>
    </message>
    <message>
        <source>仅错误</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>导出诊断信息…</source>
        <translation>Export diagnostics…</translation>
    </message>
    <message>
        <source>日志、版本和数据条数打包成 zip，供技术支持查看；身份证号和手机号已遮盖</source>
        <translation>Logs, versions and record counts in a zip for support; ID and mobile numbers are masked</translation>
    </message>
    <message>
        <source>审计日志…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <source>谁在什么时间导出了名单、查看了完整身份证号</source>
        <translation>Who exported lists or viewed full ID numbers, and when</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>（日志为空）</source>
        <translation>(the log is empty)</translation>
    </message>
    <message>
        <source>导出诊断信息</source>
        <translation>Export diagnostics</translation>
    </message>
    <message>
        <source>压缩包 (*.zip)</source>
        <translation>Zip archives (*.zip)</translation>
    </message>
    <message>
        <source>已导出到：{0}</source>
        <translation>Exported to: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>设置</source>
        <extracomment>Fits a 1366x768 screen, taskbar included, at 100% scaling.</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>驿站所属单位和经纪人</source>
        <translation>Station unit and broker</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>版本号和数据文件夹</source>
        <translation>Version and data folder</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>核对列的对应关系</source>
        <extracomment>Preview columns grow with their content up to this many Chinese characters.</extracomment>
        <translation>Check the column mapping</translation>
    </message>
    <message>
        <source>每项信息取自表格的哪一列，已按表头自动认出，认错了可以改。下面是前 {0} 行的检查结果，红色表示有误。</source>
        <translation>The column for each item was recognized from the header; correct it if wrong. Below are the checks of the first {0} rows; red means an error.</translation>
    </message>
    <message>
        <source>开始导入</source>
        <translation>Start import</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(do not import)</translation>
    </message>
    <message>
        <source>{0}列 {1}</source>
        <translation>Column {0} {1}</translation>
    </message>
    <message>
        <source>请为带 * 的项选择所在的列</source>
        <translation>Choose a column for each item marked *</translation>
    </message>
    <message>
        <source>表头在第 {0} 行。前 {1} 行数据中，{2} 行有误（标红，点一下那一行可看原因）。</source>
        <translation>The header is on row {0}. Of the first {1} data rows, {2} have errors (red; click a row to see why).</translation>
    </message>
    <message>
        <source>表头在第 {0} 行。前 {1} 行数据都正确。</source>
        <translation>The header is on row {0}. The first {1} data rows are all correct.</translation>
    </message>
    <message>
        <source>第 {0} 行：{1}</source>
        <translation>Row {0}: {1}</translation>
    </message>
</context>
<context>
    <name>MatchTableModel</name>
    <message>
        <source>劳动力</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>匹配分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>户籍村</source>
        <translation>Home village</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>用工单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>MatchesPage</name>
    <message>
        <source>搜索：劳动力姓名、岗位名称或用工单位</source>
        <extracomment>Answer to &quot;mark the posting 已满员?&quot;; None asks the broker.</extracomment>
        <translation>Search: worker name, job title or employer</translation>
    </message>
    <message>
        <source>含已归档</source>
        <translation>Include archived</translation>
    </message>
    <message>
        <source>更改状态…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <source>显示完整信息</source>
        <translation>Show full information</translation>
    </message>
    <message>
        <source>显示选中劳动力的完整电话（记入审计日志）</source>
        <translation>Show the selected worker&apos;s full phone number (written to the audit log)</translation>
    </message>
    <message>
        <source>更改匹配状态</source>
        <translation>Change match status</translation>
    </message>
    <message>
        <source>这条匹配已结束。</source>
        <translation>This match has ended.</translation>
    </message>
    <message>
        <source>不能更改状态</source>
        <translation>Cannot change the status</translation>
    </message>
    <message>
        <source>岗位已满员</source>
        <translation>Job filled</translation>
    </message>
    <message>
        <source>这个岗位的录用和已上岗人数已达到招聘人数，是否标为“已满员”？</source>
        <translation>Hired and working people have reached this job&apos;s openings. Mark it &quot;Filled&quot;?</translation>
    </message>
    <message>
        <source>全部状态（{0}）</source>
        <translation>All statuses ({0})</translation>
    </message>
    <message>
        <source>进行中（{0}）</source>
        <translation>In progress ({0})</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>共 {0} 条</source>
        <translation>{0} items</translation>
    </message>
    <message>
        <source>改为“{0}”…</source>
        <translation>Set to &quot;{0}&quot;…</translation>
    </message>
    <message>
        <source>为其推荐其他岗位…</source>
        <translation>Recommend other jobs…</translation>
    </message>
</context>
<context>
    <name>MemberPickerDialog</name>
    <message>
        <source>添加人员</source>
        <translation>Add people</translation>
    </message>
    <message>
        <source>输入姓名、拼音、身份证号、手机号后几位，或岗位、单位</source>
        <translation>Type a name, pinyin, the last digits of an ID or mobile number, or a job or employer</translation>
    </message>
    <message>
        <source>录用、已上岗的人在前，其后是花名册（勾选要加入的人）</source>
        <translation>People hired or on duty first, then the roster (tick the people to add)</translation>
    </message>
    <message>
        <source>搜索别的人时，已勾选的人仍保留在右侧。</source>
        <translation>People you ticked stay on the right while you search for others.</translation>
    </message>
    <message>
        <source>加入批次</source>
        <translation>Add to batch</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已在批次：{0}</source>
        <translation>already in batch: {0}</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>工种</source>
        <translation>Trade</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>户籍村</source>
        <translation>Home village</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>重点帮扶</source>
        <translation>Priority support</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
</context>
<context>
    <name>MonthDialog</name>
    <message>
        <source>导出月度统计表</source>
        <translation>Export monthly statistics</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>统计月份</source>
        <translation>Month</translation>
    </message>
</context>
<context>
    <name>NoticeBoardDialog</name>
    <message>
        <source>打印维权信息告示牌</source>
        <translation>Print rights notice board</translation>
    </message>
    <message>
        <source>告示牌上的二维码：工人用微信扫码打开本项目的页面，可一键投诉、查询进度。</source>
        <translation>QR code on the notice board: workers scan it with WeChat to open this project&apos;s page, where they can complain in one tap and check progress.</translation>
    </message>
    <message>
        <source>告示牌上的二维码：扫码显示项目名称和投诉电话。县里开通公共卡片服务后（设置 → 维权卡 → 公共卡片服务地址），扫码可在线投诉。</source>
        <translation>QR code on the notice board: scanning shows the project name and complaint phones. Once the county starts the public card service (Settings → Rights cards → Public card service address), scanning allows complaints online.</translation>
    </message>
    <message>
        <source>A4（210×297毫米）</source>
        <translation>A4 (210×297 mm)</translation>
    </message>
    <message>
        <source>A3（297×420毫米，张贴在工地出入口更醒目）</source>
        <translation>A3 (297×420 mm, more visible at the site entrance)</translation>
    </message>
    <message>
        <source>导出PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{0}告示牌{1}.pdf</source>
        <translation>{0} notice board {1}.pdf</translation>
    </message>
    <message>
        <source>导出告示牌</source>
        <translation>Export notice board</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>正在生成告示牌</source>
        <translation>Creating notice board</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已生成告示牌：
{0}</source>
        <translation>Notice board created:
{0}</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PickList</name>
    <message>
        <source>已选 {0} 人（双击移出）</source>
        <translation>{0} selected (double-click to remove)</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Check result</translation>
    </message>
    <message>
        <source>正确（新增）</source>
        <translation>Correct (new)</translation>
    </message>
    <message>
        <source>正确（更新已有记录）</source>
        <translation>Correct (updates an existing record)</translation>
    </message>
</context>
<context>
    <name>PrintNotesDialog</name>
    <message>
        <source>部分维权卡印不全</source>
        <translation>Some cards do not print in full</translation>
    </message>
    <message>
        <source>{0} 张卡不能打印，{1} 张卡有内容太长、已缩短（以“…”结尾）。可以改短工程项目的名称后再打印，或继续打印。</source>
        <translation>{0} cards cannot be printed, {1} cards have text too long that was shortened (ending in “…”). Shorten the project&apos;s names and print again, or print anyway.</translation>
    </message>
    <message>
        <source>没有可以打印的维权卡：</source>
        <translation>No card can be printed:</translation>
    </message>
    <message>
        <source>继续打印（{0} 张）</source>
        <translation>Print anyway ({0} cards)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PriorityCard</name>
    <message>
        <source>重点群体就业情况</source>
        <translation>Employment of priority groups</translation>
    </message>
    <message>
        <source>选择重点群体</source>
        <translation>Choose a priority group</translation>
    </message>
    <message>
        <source>返回全市</source>
        <translation>Back to the whole city</translation>
    </message>
    <message>
        <source>回到各镇街的对比</source>
        <translation>Back to the township comparison</translation>
    </message>
    <message>
        <source>本村各重点群体；一人可属多个群体</source>
        <extracomment>The township drilled into (county stations only).</extracomment>
        <translation>Priority groups in this village; one person may be in several</translation>
    </message>
    <message>
        <source>{0}，按镇街，未就业多的在前；点击镇街查看其各村</source>
        <translation>{0} by township, most unemployed first; click a township to see its villages</translation>
    </message>
    <message>
        <source>{0}{1}，按村，未就业多的在前</source>
        <translation>{0} {1} by village, most unemployed first</translation>
    </message>
    <message>
        <source>{0}（未就业 {1}）</source>
        <translation>{0} ({1} unemployed)</translation>
    </message>
</context>
<context>
    <name>PrivacyTab</name>
    <message>
        <source>名单和导出的表格里，身份证号、电话和帮扶身份默认遮盖；显示完整信息和每次导出都记入审计日志。设置 PIN 后，电脑空闲一段时间会锁屏，输入 PIN 才能继续。</source>
        <translation>In lists and exported workbooks, ID numbers, phones and assistance status are masked by default; showing full information and every export are recorded in the audit log. With a PIN set, the window locks after the computer is idle for a while and the PIN is needed to continue.</translation>
    </message>
    <message>
        <source>空闲后锁屏，用 PIN 解锁</source>
        <translation>Lock when idle, unlock with a PIN</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>查看审计日志…</source>
        <translation>View audit log…</translation>
    </message>
    <message>
        <source>新 PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>Repeat PIN</translation>
    </message>
    <message>
        <source>空闲多久后锁屏</source>
        <translation>Lock after idle for</translation>
    </message>
    <message>
        <source>请设置 PIN</source>
        <translation>Please set a PIN</translation>
    </message>
    <message>
        <source>PIN 只能是数字</source>
        <translation>The PIN may contain digits only</translation>
    </message>
    <message>
        <source>PIN 要 {0} 到 {1} 位数字</source>
        <translation>The PIN must have {0} to {1} digits</translation>
    </message>
    <message>
        <source>两次输入的 PIN 不一样</source>
        <translation>The two PINs entered differ</translation>
    </message>
    <message>
        <source>已设置 PIN；要更换就输入新的 PIN，不换就留空。</source>
        <translation>A PIN is set; enter a new PIN to change it, or leave blank to keep it.</translation>
    </message>
    <message>
        <source>尚未设置 PIN。</source>
        <translation>No PIN set yet.</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <source>工程项目</source>
        <translation>Construction project</translation>
    </message>
    <message>
        <source>发现的问题</source>
        <translation>Problem found</translation>
    </message>
    <message>
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Fix by</translation>
    </message>
    <message>
        <source>{0}（已超期）</source>
        <translation>{0} (overdue)</translation>
    </message>
</context>
<context>
    <name>ProjectEditorDialog</name>
    <message>
        <source>编辑工程项目</source>
        <translation>Edit construction project</translation>
    </message>
    <message>
        <source>新建工程项目</source>
        <translation>New construction project</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>设为本站默认</source>
        <translation>Make station default</translation>
    </message>
    <message>
        <source>把投诉电话、最低工资和工资支付日存为本驿站新建项目的默认值</source>
        <translation>Save the complaint phone, minimum wage and payday as this station&apos;s defaults for new projects</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>已存为本驿站新建项目的默认值</source>
        <translation>Saved as this station&apos;s defaults for new projects</translation>
    </message>
</context>
<context>
    <name>QuarantineView</name>
    <message>
        <source>服务器拒收的修改仍保存在本机，但不再自动上传。请按原因处理（如辖区不符，请联系镇街或县人社局），处理后点“重试”重新上传。</source>
        <extracomment>The number of refused edits listed.</extracomment>
        <translation>Changes the server refused are kept on this computer but no longer uploaded. Deal with the reason (e.g. for a jurisdiction mismatch contact the township or county HR bureau), then click &quot;Retry&quot; to upload again.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>重试所选</source>
        <translation>Retry selected</translation>
    </message>
    <message>
        <source>全部重试</source>
        <translation>Retry all</translation>
    </message>
</context>
<context>
    <name>RecommendationModel</name>
    <message>
        <source>匹配分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>就业状态</source>
        <translation>Employment status</translation>
    </message>
    <message>
        <source>岗位名称</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>岗位类型</source>
        <translation>Job type</translation>
    </message>
    <message>
        <source>工作地点</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <source>已录用/招聘</source>
        <translation>Hired/openings</translation>
    </message>
    <message>
        <source>已有匹配</source>
        <translation>Existing match</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>户籍村</source>
        <translation>Home village</translation>
    </message>
    <message>
        <source>推荐理由</source>
        <translation>Why recommended</translation>
    </message>
    <message>
        <source>用工单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>薪资</source>
        <translation>Pay</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>修改{0}</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <source>新增{0}</source>
        <translation>New {0}</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecordsPanel</name>
    <message>
        <source>新增记录…</source>
        <translation>Add record…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>RegisterClueDialog</name>
    <message>
        <source>登记欠薪线索</source>
        <translation>Register wage-arrears clue</translation>
    </message>
    <message>
        <source>电话反映</source>
        <translation>By phone</translation>
    </message>
    <message>
        <source>来访反映</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>必填：回访用的手机或固定电话</source>
        <translation>Required: mobile or landline for calling back</translation>
    </message>
    <message>
        <source>（未指明项目）</source>
        <translation>(no project given)</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>哪个工地、哪个班组、欠了哪几个月……</source>
        <translation>Which site, which crew, which months are unpaid…</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>反映人电话</source>
        <translation>Reporter&apos;s phone</translation>
    </message>
    <message>
        <source>反映人姓名</source>
        <translation>Reporter&apos;s name</translation>
    </message>
    <message>
        <source>工程项目</source>
        <translation>Construction project</translation>
    </message>
    <message>
        <source>欠薪金额（元）</source>
        <translation>Amount owed (yuan)</translation>
    </message>
    <message>
        <source>欠薪月数</source>
        <translation>Months unpaid</translation>
    </message>
    <message>
        <source>反映日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>情况描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RightsPage</name>
    <message>
        <source>欠薪线索</source>
        <translation>Wage-arrears clues</translation>
    </message>
    <message>
        <source>双清单</source>
        <translation>Two lists</translation>
    </message>
</context>
<context>
    <name>RosterFilterBar</name>
    <message>
        <source>搜索：姓名、拼音首字母（如 zsf）、身份证后几位或手机号  （Ctrl+F）</source>
        <extracomment>Down arrow in the search box: the table should take the focus.</extracomment>
        <translation>Search: name, pinyin initials (e.g. zsf), last ID digits or mobile  (Ctrl+F)</translation>
    </message>
    <message>
        <source>全部就业状态</source>
        <translation>All employment statuses</translation>
    </message>
    <message>
        <source>全部重点群体</source>
        <translation>All priority groups</translation>
    </message>
    <message>
        <source>劳务品牌</source>
        <translation>Labor brand</translation>
    </message>
    <message>
        <source>选择或输入劳务品牌后按回车筛选；清空则不限</source>
        <translation>Choose or type a labor brand and press Enter to filter; clear it for all</translation>
    </message>
    <message>
        <source>含已归档</source>
        <translation>Include archived</translation>
    </message>
    <message>
        <source>全部镇街</source>
        <translation>All townships</translation>
    </message>
    <message>
        <source>全部村（社区）</source>
        <translation>All villages (communities)</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>低收入</source>
        <translation>Low income</translation>
    </message>
    <message>
        <source>务工单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>务工地域</source>
        <translation>Work region</translation>
    </message>
    <message>
        <source>劳务品牌</source>
        <translation>Labor brand</translation>
    </message>
    <message>
        <source>大龄</source>
        <translation>Older</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>就业状态</source>
        <translation>Employment status</translation>
    </message>
    <message>
        <source>工种/技能</source>
        <translation>Trade/skills</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>户籍村</source>
        <translation>Home village</translation>
    </message>
    <message>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>残疾</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>点击按此列排序，再点一次倒序</source>
        <translation>Click to sort by this column; click again to reverse</translation>
    </message>
    <message>
        <source>监测</source>
        <translation>Monitored</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>脱贫</source>
        <translation>Out of poverty</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>重点帮扶</source>
        <translation>Priority support</translation>
    </message>
    <message>
        <source>重点群体</source>
        <translation>Priority groups</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>新增劳动力</source>
        <translation>New worker</translation>
    </message>
    <message>
        <source>登记一位新的劳动力（Ctrl+N）</source>
        <translation>Register a new worker (Ctrl+N)</translation>
    </message>
    <message>
        <source>从表格导入…</source>
        <translation>Import from spreadsheet…</translation>
    </message>
    <message>
        <source>从 Excel 花名册批量导入劳动力</source>
        <translation>Import workers in bulk from an Excel roster</translation>
    </message>
    <message>
        <source>找到 {0} 人</source>
        <translation>{0} people found</translation>
    </message>
    <message>
        <source>共 {0} 人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <source>有 {0} 位劳动力已由镇街或县里调整到其他村，其信息已从本站删除。最近一位：{1}</source>
        <translation>{0} workers were moved to another village by the township or county; their records were deleted from this station. Latest: {1}</translation>
    </message>
    <message>
        <source>其他单位</source>
        <translation>another unit</translation>
    </message>
    <message>
        <source>已迁出至 {0}（{1}）</source>
        <translation>Moved out to {0} ({1})</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>隐藏完整信息</source>
        <translation>Hide full information</translation>
    </message>
    <message>
        <source>显示完整信息</source>
        <translation>Show full information</translation>
    </message>
    <message>
        <source>归档…</source>
        <translation>Archive…</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>导入</source>
        <extracomment>Rejected rows listed on screen; the saved workbook has all of them.</extracomment>
        <translation>Import</translation>
    </message>
    <message>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>错误原因</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>保存有误的行…</source>
        <translation>Save rows with errors…</translation>
    </message>
    <message>
        <source>把有误的行连同行号和错误原因存成一个 Excel 表格，改好后可以再导入</source>
        <translation>Save the rows with errors, with row numbers and reasons, as an Excel file; fix them and import again</translation>
    </message>
    <message>
        <source>正在导入，请稍候……</source>
        <translation>Importing, please wait…</translation>
    </message>
    <message>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>新增 {0} 人，更新 {1} 人，未变 {2} 人，有误 {3} 行</source>
        <translation>{0} people added, {1} updated, {2} unchanged, {3} rows with errors</translation>
    </message>
    <message>
        <source>已取消导入，没有写入任何数据</source>
        <translation>Import cancelled; nothing was written</translation>
    </message>
    <message>
        <source>保存有误的行</source>
        <translation>Save rows with errors</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>有误的行已保存到：{0}</source>
        <translation>Rows with errors saved to: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>本驿站的所属单位和经纪人。已有劳动力数据后，所属单位不能再改。</source>
        <translation>This station&apos;s unit and broker. Once workers are recorded, the unit can no longer change.</translation>
    </message>
    <message>
        <source>本驿站</source>
        <translation>This station</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>维权卡</source>
        <translation>Rights cards</translation>
    </message>
    <message>
        <source>工资</source>
        <translation>Wages</translation>
    </message>
    <message>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>隐私与安全</source>
        <translation>Privacy &amp; security</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>查看日志…</source>
        <translation>View log…</translation>
    </message>
</context>
<context>
    <name>SiteCardsBox</name>
    <message>
        <source>查验维权卡（扫码或勾选在场工人）</source>
        <translation>Check rights cards (scan, or tick the workers on site)</translation>
    </message>
    <message>
        <source>用扫码枪扫描工人的维权卡，或粘贴扫码得到的内容后按回车</source>
        <extracomment>Something was scanned or ticked since the project&apos;s cards were shown: until then the counts say nothing (no card was checked), so nothing is filled in.</extracomment>
        <translation>Scan a worker&apos;s rights card with the scanner, or paste the scanned text and press Enter</translation>
    </message>
    <message>
        <source>{0}  {1}  第 {2} 号</source>
        <translation>{0}  {1}  No. {2}</translation>
    </message>
    <message>
        <source>本项目还没有有效的维权卡</source>
        <translation>This project has no valid rights cards yet</translation>
    </message>
    <message>
        <source>（已查验过，不重复计数）</source>
        <translation>(already checked, not counted twice)</translation>
    </message>
    <message>
        <source>（已扫过，不重复计数）</source>
        <translation>(already scanned, not counted twice)</translation>
    </message>
    <message>
        <source>有效 {0} 张，未见 {1} 张，无效 {2} 张</source>
        <translation>{0} valid, {1} not seen, {2} invalid</translation>
    </message>
</context>
<context>
    <name>SiteListsPanel</name>
    <message>
        <source>记录检查…</source>
        <translation>Record inspection…</translation>
    </message>
    <message>
        <source>记录一次到项目现场的检查和发现的问题</source>
        <translation>Record a visit to a project site and the problems found</translation>
    </message>
    <message>
        <source>整改销号…</source>
        <translation>Mark fixed…</translation>
    </message>
    <message>
        <source>整改销号</source>
        <translation>Mark fixed</translation>
    </message>
    <message>
        <source>整改情况（怎样整改的、谁核实的）：</source>
        <translation>How it was fixed (what was done, who checked it):</translation>
    </message>
    <message>
        <source>本月未检查的项目（{0} 个）</source>
        <translation>Projects not inspected this month ({0})</translation>
    </message>
    <message>
        <source>未整改的问题（{0} 个）</source>
        <translation>Unfixed problems ({0})</translation>
    </message>
    <message>
        <source>，{0} 个已超期</source>
        <translation>, {0} overdue</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StationForm</name>
    <message>
        <source>输入村、镇街名称或拼音首字母，如 太平 或 tp</source>
        <extracomment>The form became complete or incomplete.</extracomment>
        <translation>Type a village or township name or pinyin initials, e.g. 太平 or tp</translation>
    </message>
    <message>
        <source>不填则按单位名称生成，如 某某村就业服务驿站</source>
        <translation>Leave empty to name it after the unit, e.g. &quot;X Village Employment Station&quot;</translation>
    </message>
    <message>
        <source>11位手机号</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <source>所属单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>驿站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>经纪人姓名</source>
        <translation>Broker&apos;s name</translation>
    </message>
    <message>
        <source>经纪人手机</source>
        <translation>Broker&apos;s mobile</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>已选：{0}（{1}）</source>
        <translation>Selected: {0} ({1})</translation>
    </message>
</context>
<context>
    <name>StationStatusBar</name>
    <message>
        <source>（本机时钟不准，请校准）</source>
        <translation> (this computer&apos;s clock is wrong: please set it)</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>本驿站尚未设置所属单位</source>
        <translation>This station has no unit yet</translation>
    </message>
    <message>
        <source>待上传 {0} 条</source>
        <translation>{0} to upload</translation>
    </message>
    <message>
        <source>未连接同步服务器</source>
        <translation>Not connected to a sync server</translation>
    </message>
    <message>
        <source>已连接同步服务器</source>
        <translation>Connected to the sync server</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <source>上次同步：{0}</source>
        <translation>Last sync: {0}</translation>
    </message>
</context>
<context>
    <name>StatsCharts</name>
    <message>
        <source>{0} / {1}（{2}）</source>
        <translation>{0} / {1} ({2})</translation>
    </message>
    <message>
        <source>{0}月</source>
        <translation>Month {0}</translation>
    </message>
    <message>
        <source>{0}，输出批次：{1} 批</source>
        <translation>{0}, export batches: {1}</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>其他人员</source>
        <translation>Others</translation>
    </message>
    <message>
        <source>占劳动力</source>
        <translation>Share of workers</translation>
    </message>
    <message>
        <source>占已就业</source>
        <translation>Share of employed</translation>
    </message>
    <message>
        <source>培训人次</source>
        <translation>Attendances</translation>
    </message>
    <message>
        <source>就业率</source>
        <translation>Employment rate</translation>
    </message>
    <message>
        <source>已就业</source>
        <translation>Employed</translation>
    </message>
    <message>
        <source>未就业</source>
        <translation>Unemployed</translation>
    </message>
    <message>
        <source>本驿站目标 {0} 人次，已完成 {1}</source>
        <translation>Station target {0} attendances, {1} done</translation>
    </message>
    <message>
        <source>济宁市全年目标 {0} 人次（实施方案{1}）</source>
        <translation>Jining yearly target {0} attendances (plan {1})</translation>
    </message>
    <message>
        <source>脱贫人口（含监测对象）</source>
        <translation>Lifted out of poverty (incl. monitored)</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>设置目标…</source>
        <extracomment>Every chart has the figures of the latest count. The 帮扶预警 list has not been counted since the page started counting.</extracomment>
        <translation>Set targets…</translation>
    </message>
    <message>
        <source>本驿站的年度培训目标和帮扶预警规则</source>
        <translation>This station&apos;s yearly training targets and support alert rules</translation>
    </message>
    <message>
        <source>全部存为图片…</source>
        <translation>Save all as image…</translation>
    </message>
    <message>
        <source>把整页统计图存为一张 PNG 图片</source>
        <translation>Save the whole page of charts as one PNG image</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>重新统计（F5）</source>
        <translation>Recount (F5)</translation>
    </message>
    <message>
        <source>统计图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>帮扶预警</source>
        <translation>Support alerts</translation>
    </message>
    <message>
        <source>欠薪线索</source>
        <translation>Wage-arrears clues</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>统计于 {0}，人数为当前花名册</source>
        <translation>Counted at {0}, from the current roster</translation>
    </message>
    <message>
        <source>统计出错：{0}</source>
        <translation>Counting failed: {0}</translation>
    </message>
    <message>
        <source>帮扶预警（{0}）</source>
        <translation>Support alerts ({0})</translation>
    </message>
    <message>
        <source>统计日期：{0}</source>
        <translation>Date: {0}</translation>
    </message>
    <message>
        <source>全部存为图片</source>
        <translation>Save all as image</translation>
    </message>
    <message>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>无法保存图片到：
{0}</source>
        <translation>Cannot save the image to:
{0}</translation>
    </message>
    <message>
        <source>{0}统计图表</source>
        <translation>{0} charts</translation>
    </message>
</context>
<context>
    <name>StatsSettingsDialog</name>
    <message>
        <source>统计设置</source>
        <translation>Statistics settings</translation>
    </message>
    <message>
        <source>本驿站 {0} 年培训目标（人次）</source>
        <translation>Station training targets for {0} (attendances)</translation>
    </message>
    <message>
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>济宁市全年目标 {0} 人次（实施方案{1}）</source>
        <translation>Jining yearly target {0} attendances (plan {1})</translation>
    </message>
    <message>
        <source>实施方案的目标是济宁市全市的；本驿站的目标由上级分解下达后填写，0 表示未设置。</source>
        <translation>The plan&apos;s targets are for all of Jining; enter this station&apos;s share once it is assigned from above. 0 means not set.</translation>
    </message>
    <message>
        <source>帮扶预警规则</source>
        <translation>Support alert rules</translation>
    </message>
    <message>
        <source>离岗后多少天内预警</source>
        <translation>Alert within how many days of leaving a job</translation>
    </message>
    <message>
        <source>多少天未跟踪服务即预警</source>
        <translation>Alert after how many days without follow-up</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>预警名单按紧急程度排序，本周先处理的人数；默认 {0} 人</source>
        <translation>The alert list is ranked by urgency: how many to handle this week; default {0}</translation>
    </message>
    <message>
        <source>每周可处理人数</source>
        <translation>People handled per week</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>默认 {0} 天</source>
        <translation>Default {0} days</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>更改匹配状态</source>
        <translation>Change match status</translation>
    </message>
    <message>
        <source>如：电话联系，约好周三面试</source>
        <translation>e.g. phoned, interview set for Wednesday</translation>
    </message>
    <message>
        <source>改为“已上岗”或“离岗”时，劳动力的就业状态、务工单位和起止日期会一并更新。</source>
        <translation>Setting &quot;Working&quot; or &quot;Left&quot; also updates the worker&apos;s employment status, employer and dates.</translation>
    </message>
    <message>
        <source>劳动力</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>新状态</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>注册到县同步服务器</source>
        <translation>Enrol with the county sync server</translation>
    </message>
    <message>
        <source>本驿站尚未注册。填写县人社局提供的服务器地址和一次性注册码后点“注册”；注册后本驿站的所属单位以服务器登记的为准，修改会自动上传和下载。未注册时所有功能照常使用，数据只保存在本机。</source>
        <translation>This station is not enrolled. Enter the server address and one-time code from the county HR bureau and click &quot;Enrol&quot;; the station&apos;s unit then follows the server&apos;s record and changes upload and download automatically. Without enrolment everything works, with the data kept on this computer only.</translation>
    </message>
    <message>
        <source>被拒的修改（{0}）</source>
        <translation>Refused changes ({0})</translation>
    </message>
    <message>
        <source>冲突（{0}）</source>
        <translation>Conflicts ({0})</translation>
    </message>
</context>
<context>
    <name>SyncScheduler</name>
    <message>
        <source>未注册同步服务器</source>
        <extracomment>The first round waits for the window to be up and the broker to see it. A round follows local writes once none came for this long (an import is a burst). Outbox counts for the page and status bar, once per burst of writes. The record types a pull can write: each gets a ``Change`` after such a round. ``(fraction, message)`` of the running round. The round&apos;s ``SyncReport`` (its ``error`` says why it stopped, if it did). ``status()`` has news (a round ran, the outbox changed, enrolment).</extracomment>
        <translation>Not enrolled with a sync server</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>离线：无法连接服务器</source>
        <translation>Offline: cannot reach the server</translation>
    </message>
    <message>
        <source>同步出错</source>
        <translation>Sync error</translation>
    </message>
    <message>
        <source>等待同步</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <source>在线</source>
        <translation>Online</translation>
    </message>
</context>
<context>
    <name>SyncSettingsTab</name>
    <message>
        <source>服务器换了地址时在这里修改；换服务器请重新注册</source>
        <translation>Change this when the server moves to a new address; for another server, enrol again</translation>
    </message>
    <message>
        <source>可不填；县里提供了服务器证书文件时在这里选择</source>
        <translation>Optional; choose it here if the county gave you a server certificate file</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>联网时每隔多久自动同步一次；修改数据后也会自动同步</source>
        <translation>How often to sync when online; changes also trigger a sync</translation>
    </message>
    <message>
        <source>同步服务器</source>
        <translation>Sync server</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>服务器证书文件</source>
        <translation>Server certificate file</translation>
    </message>
    <message>
        <source>自动同步间隔</source>
        <translation>Sync interval</translation>
    </message>
    <message>
        <source>尚未注册；注册后修改会自动上传和下载</source>
        <translation>Not enrolled; once enrolled, changes upload and download automatically</translation>
    </message>
    <message>
        <source>用注册码注册</source>
        <translation>Enrol with a code</translation>
    </message>
    <message>
        <source>{0}（驿站编号 {1}）</source>
        <translation>{0} (station no. {1})</translation>
    </message>
    <message>
        <source>重新注册（换服务器或注册码时）</source>
        <translation>Enrol again (new server or code)</translation>
    </message>
</context>
<context>
    <name>SyncStatusPanel</name>
    <message>
        <source>本机时钟比服务器慢约 {0} 天</source>
        <translation>This computer&apos;s clock is about {0} days behind the server&apos;s</translation>
    </message>
    <message>
        <source>本机时钟比服务器快约 {0} 天</source>
        <translation>This computer&apos;s clock is about {0} days ahead of the server&apos;s</translation>
    </message>
    <message>
        <source>：请校准电脑的日期和时间，否则各驿站修改的先后会判断错。</source>
        <translation>: please set the computer&apos;s date and time, or the order of the stations&apos; edits will be judged wrongly.</translation>
    </message>
    <message>
        <source>同步状态</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>马上上传本机的修改并下载其他驿站的修改</source>
        <translation>Upload this computer&apos;s changes and download other stations&apos; changes now</translation>
    </message>
    <message>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>本驿站</source>
        <translation>This station</translation>
    </message>
    <message>
        <source>连接</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>待上传</source>
        <translation>To upload</translation>
    </message>
    <message>
        <source>上次成功同步</source>
        <translation>Last successful sync</translation>
    </message>
    <message>
        <source>上次错误</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>尚未注册</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <source>{0}（{1} {2}）</source>
        <translation>{0} ({1} {2})</translation>
    </message>
    <message>
        <source>尚未设置所属单位</source>
        <translation>No unit set yet</translation>
    </message>
    <message>
        <source>未注册（数据只保存在本机）</source>
        <translation>Not enrolled (data on this computer only)</translation>
    </message>
    <message>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>{0} 条</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>；另有 {0} 条下载的记录在等上级记录</source>
        <translation>; {0} more downloaded records wait for their parent records</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>同步未完成：{0}</source>
        <translation>Sync incomplete: {0}</translation>
    </message>
    <message>
        <source>同步完成：上传 {0} 条，下载 {1} 条，被拒 {2} 条</source>
        <translation>Sync done: {0} uploaded, {1} downloaded, {2} refused</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>核验维权卡</source>
        <translation>Verify rights card</translation>
    </message>
    <message>
        <source>用扫码枪扫描卡上的二维码，或粘贴扫码得到的网址或文字（网址含 /C/，文字含“WQ1:”）</source>
        <translation>Scan the card&apos;s QR code with a barcode scanner, or paste the URL or text it gives (the URL contains /C/, the text &quot;WQ1:&quot;)</translation>
    </message>
    <message>
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>从图片读取…</source>
        <translation>Read from image…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择二维码图片</source>
        <translation>Choose a QR code image</translation>
    </message>
    <message>
        <source>图片 (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <source>无效</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <source>图片中没有找到二维码</source>
        <translation>No QR code found in the image</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>工程项目</source>
        <translation>Construction project</translation>
    </message>
    <message>
        <source>包保单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>包保责任人</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <source>上次检查</source>
        <translation>Last inspection</translation>
    </message>
    <message>
        <source>从未检查</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>（未定）</source>
        <translation>(not set)</translation>
    </message>
</context>
<context>
    <name>WageSettingsTab</name>
    <message>
        <source>新建工程项目时，没填的最低工资标准和工资支付日按这里预填，并印在维权卡上。</source>
        <translation>A new project&apos;s empty minimum wage and pay day are filled in from here and printed on its rights cards.</translation>
    </message>
    <message>
        <source>元/月，如 2010；不填则不预填</source>
        <translation>Yuan per month, e.g. 2010; leave empty for none</translation>
    </message>
    <message>
        <source>每月几日，如 15；不填则不预填</source>
        <translation>Day of the month, e.g. 15; leave empty for none</translation>
    </message>
    <message>
        <source> 元/月</source>
        <translation> yuan/month</translation>
    </message>
    <message>
        <source>公益性岗位人员月收入高于此数时，列入退出复核名单</source>
        <translation>Holders of public welfare posts earning more than this a month are listed for an exit review</translation>
    </message>
    <message>
        <source>当地最低工资标准</source>
        <translation>Local minimum wage</translation>
    </message>
    <message>
        <source>工资支付日</source>
        <translation>Pay day</translation>
    </message>
    <message>
        <source>公益性岗位退出监测线</source>
        <translation>Public welfare post exit line</translation>
    </message>
</context>
<context>
    <name>WatchExport</name>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>导出帮扶预警名单</source>
        <translation>Export support alert list</translation>
    </message>
    <message>
        <source>已导出帮扶预警名单 {0} 人到：
{1}</source>
        <translation>Exported the support alert list ({0} people) to:
{1}</translation>
    </message>
    <message>
        <source>正在导出帮扶预警名单…</source>
        <translation>Exporting support alert list…</translation>
    </message>
</context>
<context>
    <name>WatchExportDialog</name>
    <message>
        <source>导出帮扶预警名单</source>
        <translation>Export support alert list</translation>
    </message>
    <message>
        <source>导出完整身份证号和电话（仅报送人社部门时勾选）</source>
        <translation>Export full ID numbers and phone numbers (tick only for the HR and Social Security bureau)</translation>
    </message>
    <message>
        <source>不勾选时身份证号只显示前6位和后4位、电话隐藏中间4位、人员类别只写“重点帮扶”。每次导出都记入审计日志。</source>
        <translation>Unticked: ID numbers show only their first 6 and last 4 characters, phones hide their middle 4 digits and the category reads only &quot;Priority support&quot;. Every export is recorded in the audit log.</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>共 {0} 人</source>
        <translation>{0} people</translation>
    </message>
</context>
<context>
    <name>WatchPanel</name>
    <message>
        <source>修改规则…</source>
        <extracomment>(name, groups) of the group list. The list (or the summary by village) was loaded: number of people on it. A village&apos;s own list was loaded on drill-down: its code, its people. The broker asked to change the rules. The village whose list is shown (drilled into from the summary), if any.</extracomment>
        <translation>Edit rules…</translation>
    </message>
    <message>
        <source>全部原因</source>
        <translation>All reasons</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>打开所选人员的资料（也可双击或按回车）</source>
        <translation>Open the selected person&apos;s record (or double-click, or press Enter)</translation>
    </message>
    <message>
        <source>导出表格…</source>
        <translation>Export spreadsheet…</translation>
    </message>
    <message>
        <source>把当前列表导出为 Excel 工作簿</source>
        <translation>Export the current list as an Excel workbook</translation>
    </message>
    <message>
        <source>← 返回各村汇总</source>
        <translation>← Back to village summary</translation>
    </message>
    <message>
        <source>群体</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>正在查找…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>查看名单</source>
        <translation>View list</translation>
    </message>
    <message>
        <source>查看所选村的预警名单（也可双击或按回车）</source>
        <translation>View the selected village&apos;s alert list (or double-click, or press Enter)</translation>
    </message>
    <message>
        <source>列出重点群体中：未就业的；{0} 天内离岗的；超过 {1} 天未跟踪服务的（无劳动能力者除外）。</source>
        <translation>Lists priority-group people who are unemployed, left a job within {0} days, or had no follow-up for over {1} days (except those unable to work).</translation>
    </message>
    <message>
        <source>共 {0} 人（{1}）</source>
        <translation>{0} people ({1})</translation>
    </message>
    <message>
        <source>；按紧急程度排序，本周先处理前 {0} 人</source>
        <translation>; most urgent first, the first {0} for this week</translation>
    </message>
    <message>
        <source>共 {0} 人，其中紧急 {1} 人（{2}）</source>
        <translation>{0} people, {1} urgent ({2})</translation>
    </message>
    <message>
        <source>；{0} 个村按紧急人数排序</source>
        <translation>; {0} villages, most urgent first</translation>
    </message>
    <message>
        <source>{0}：共 {1} 人，按紧急程度排序，本周先处理前 {2} 人</source>
        <translation>{0}: {1} people, most urgent first; handle the first {2} this week</translation>
    </message>
    <message>
        <source>全部重点群体</source>
        <translation>All priority groups</translation>
    </message>
    <message>
        <source>脱贫人口（含监测对象）</source>
        <translation>Lifted out of poverty (incl. monitored)</translation>
    </message>
</context>
<context>
    <name>WatchTableModel</name>
    <message>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>就业状态</source>
        <translation>Employment status</translation>
    </message>
    <message>
        <source>户籍地</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>最后跟踪</source>
        <translation>Last follow-up</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>预警原因</source>
        <translation>Alert reason</translation>
    </message>
</context>
<context>
    <name>WatchVillageModel</name>
    <message>
        <source>户籍地</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>未就业</source>
        <translation>Unemployed</translation>
    </message>
    <message>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>脱贫人口（含监测对象）</source>
        <translation>Lifted out of poverty (incl. monitored)</translation>
    </message>
    <message>
        <source>较急</source>
        <translation>Soon</translation>
    </message>
    <message>
        <source>近期离岗</source>
        <translation>Recently left a job</translation>
    </message>
    <message>
        <source>长期未跟踪</source>
        <translation>No recent follow-up</translation>
    </message>
    <message>
        <source>预警人数</source>
        <translation>On alert</translation>
    </message>
</context>
<context>
    <name>WorkerEditorDialog</name>
    <message>
        <source>基本资料</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>跟踪服务记录</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>培训记录</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>撤销上次修改</source>
        <translation>Undo last change</translation>
    </message>
    <message>
        <source>显示完整信息</source>
        <translation>Show full information</translation>
    </message>
    <message>
        <source>显示完整的身份证号、电话和帮扶身份（记入审计日志）</source>
        <translation>Show the full ID number, phone and assistance status (recorded in the audit log)</translation>
    </message>
    <message>
        <source>归档…</source>
        <translation>Archive…</translation>
    </message>
    <message>
        <source>为其推荐岗位…</source>
        <translation>Recommend jobs…</translation>
    </message>
    <message>
        <source>按工种、意向和重点群体为这位劳动力推荐在招岗位</source>
        <translation>Recommend open jobs to this worker by trade, preference and priority group</translation>
    </message>
    <message>
        <source>新增下一位</source>
        <translation>Add another</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>关闭（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>已撤销上次修改</source>
        <translation>Last change undone</translation>
    </message>
    <message>
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>刚才的修改还没有保存，确定不保存吗？</source>
        <translation>Your changes are not saved. Discard them?</translation>
    </message>
    <message>
        <source>没有需要保存的修改</source>
        <translation>Nothing to save</translation>
    </message>
    <message>
        <source>已保存（{0}）</source>
        <translation>Saved ({0})</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <source>有 {0} 处需要修改，见红字说明</source>
        <translation>{0} fields need correcting; see the red notes</translation>
    </message>
    <message>
        <source>打开已有记录</source>
        <translation>Open existing record</translation>
    </message>
    <message>
        <source>身份证号 {0} 已登记为“{1}”，不能重复登记。</source>
        <translation>ID number {0} is already registered as &quot;{1}&quot; and cannot be registered twice.</translation>
    </message>
    <message>
        <source>（该记录已归档，打开后可以恢复）</source>
        <translation>(that record is archived; open it to restore)</translation>
    </message>
    <message>
        <source>新增劳动力</source>
        <translation>New worker</translation>
    </message>
    <message>
        <source>劳动力：{0}（已归档）</source>
        <translation>Worker: {0} (archived)</translation>
    </message>
    <message>
        <source>劳动力：{0}</source>
        <translation>Worker: {0}</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>WorkerForm</name>
    <message>
        <source>已隐藏</source>
        <extracomment>Shown masked on a stored worker until 显示完整信息 (``domain.people.privacy``). A complete, valid ID number was typed (normalized): check for duplicates.</extracomment>
        <translation>Hidden</translation>
    </message>
    <message>
        <source>{0}周岁</source>
        <translation>{0} years</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>由身份证号得出</source>
        <translation>From the ID number</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>大龄</source>
        <translation>Older</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>就业情况</source>
        <translation>Employment</translation>
    </message>
    <message>
        <source>户籍与帮扶身份</source>
        <translation>Household and support status</translation>
    </message>
    <message>
        <source>求职意向</source>
        <translation>Job preferences</translation>
    </message>
</context>
<context>
    <name>WorkerPickerDialog</name>
    <message>
        <source>为“{0}”发卡</source>
        <translation>Issue cards for &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>姓名、拼音首字母、身份证号或电话</source>
        <translation>Name, pinyin initials, ID number or phone</translation>
    </message>
    <message>
        <source>搜索结果（勾选要发卡的人）</source>
        <translation>Search results (tick the people to issue cards to)</translation>
    </message>
    <message>
        <source>发卡</source>
        <translation>Issue cards</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WorkersForJobDialog</name>
    <message>
        <source>为岗位推荐劳动力</source>
        <translation>Recommend workers for a job</translation>
    </message>
    <message>
        <source>前 {0} 名</source>
        <translation>Top {0}</translation>
    </message>
    <message>
        <source>全部勾选</source>
        <translation>Tick all</translation>
    </message>
    <message>
        <source>显示完整信息</source>
        <translation>Show full information</translation>
    </message>
    <message>
        <source>显示选中劳动力的完整电话（记入审计日志）</source>
        <translation>Show the selected worker&apos;s full phone number (written to the audit log)</translation>
    </message>
    <message>
        <source>推荐选中的人</source>
        <translation>Recommend ticked</translation>
    </message>
    <message>
        <source>为勾选的劳动力建立“推荐”状态的匹配</source>
        <translation>Create &quot;Recommended&quot; matches for the ticked workers</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在计算推荐…</source>
        <translation>Finding recommendations…</translation>
    </message>
    <message>
        <source>请先勾选要推荐的劳动力</source>
        <translation>Tick the workers to recommend first</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>{0}：从 {1} 名可推荐的劳动力中选出 {2} 名（勾选后点“推荐选中的人”）</source>
        <translation>{0}: {2} chosen from {1} eligible workers (tick them, then click &quot;Recommend ticked&quot;)</translation>
    </message>
    <message>
        <source>已推荐 {0} 人。</source>
        <translation>Recommended {0} people.</translation>
    </message>
    <message>
        <source>未推荐 {0}：{1}</source>
        <translation>Not recommended {0}: {1}</translation>
    </message>
</context>
<context>
    <name>application</name>
    <message>
        <source>劳务驿站</source>
        <extracomment>Tried in order; the first one installed wins for each character. Microsoft YaHei ships with every Windows since Vista; the rest cover macOS and Linux. Brokers read this all day; Windows&apos; 9 pt default is small on a 1366x768 screen.</extracomment>
        <translation>Labor Station</translation>
    </message>
</context>
<context>
    <name>archive</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>归档劳动力</source>
        <translation>Archive worker</translation>
    </message>
    <message>
        <source>归档后此人不再出现在劳动力名单中，资料仍然保留；勾选“含已归档”可以找到并恢复。</source>
        <translation>Once archived, this person leaves the worker list but the record is kept; tick &quot;Include archived&quot; to find and restore it.</translation>
    </message>
    <message>
        <source>确定要归档“{0}”吗？</source>
        <translation>Archive &quot;{0}&quot;?</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>这一步没有完成，已保存的数据没有丢失。可以再试一次；如果仍然不行，请把事件编号 {0} 告诉技术支持（详情已写入日志）。</source>
        <translation>This step was not completed; nothing saved was lost. You can try again; if it still fails, give incident number {0} to technical support (details are in the log).</translation>
    </message>
    <message>
        <source>操作没有完成</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>较急</source>
        <translation>Soon</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>跟踪服务记录</source>
        <extracomment>Marked in the &quot;labels&quot; context. (service, worker id, values) (service, record id, values)</extracomment>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>服务日期</source>
        <translation>Service date</translation>
    </message>
    <message>
        <source>服务方式</source>
        <translation>Service type</translation>
    </message>
    <message>
        <source>服务内容</source>
        <translation>Service content</translation>
    </message>
    <message>
        <source>服务结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>培训记录</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>培训类别</source>
        <translation>Training category</translation>
    </message>
    <message>
        <source>培训项目</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>培训机构</source>
        <translation>Training provider</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>学时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>所获证书</source>
        <translation>Certificate obtained</translation>
    </message>
    <message>
        <source>是否结业</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>脱贫享受政策人口</source>
        <translation>Lifted out of poverty (receiving support)</translation>
    </message>
    <message>
        <source>农村低收入人口</source>
        <translation>Rural low-income</translation>
    </message>
    <message>
        <source>残疾人</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>本人同意采集就业信息</source>
        <translation>Consents to employment data collection</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>中专/技校</source>
        <translation>Vocational school</translation>
    </message>
    <message>
        <source>乡村公益性岗位</source>
        <translation>Rural public-welfare job</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>以工代赈</source>
        <translation>Work-for-relief</translation>
    </message>
    <message>
        <source>元/天</source>
        <translation>yuan/day</translation>
    </message>
    <message>
        <source>元/小时</source>
        <translation>yuan/hour</translation>
    </message>
    <message>
        <source>元/年</source>
        <translation>yuan/year</translation>
    </message>
    <message>
        <source>元/月</source>
        <translation>yuan/month</translation>
    </message>
    <message>
        <source>全职</source>
        <translation>Full-time</translation>
    </message>
    <message>
        <source>公益性岗位</source>
        <translation>Public-welfare job</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>其他培训</source>
        <translation>Other training</translation>
    </message>
    <message>
        <source>农业经营培训</source>
        <translation>Farm business training</translation>
    </message>
    <message>
        <source>农村残疾人</source>
        <translation>Rural disabled</translation>
    </message>
    <message>
        <source>创业培训</source>
        <translation>Entrepreneurship training</translation>
    </message>
    <message>
        <source>初中</source>
        <translation>Junior high school</translation>
    </message>
    <message>
        <source>务农</source>
        <translation>Farming</translation>
    </message>
    <message>
        <source>务工单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>务工地域</source>
        <translation>Work region</translation>
    </message>
    <message>
        <source>务工地点</source>
        <translation>Work location</translation>
    </message>
    <message>
        <source>务工开始日期</source>
        <translation>Work start date</translation>
    </message>
    <message>
        <source>务工开始时间</source>
        <translation>Work start date</translation>
    </message>
    <message>
        <source>务工结束日期</source>
        <translation>Work end date</translation>
    </message>
    <message>
        <source>务工结束时间</source>
        <translation>Work end date</translation>
    </message>
    <message>
        <source>劳务品牌</source>
        <translation>Labor brand</translation>
    </message>
    <message>
        <source>县内</source>
        <translation>In county</translation>
    </message>
    <message>
        <source>县外省内</source>
        <translation>In province, outside county</translation>
    </message>
    <message>
        <source>县级</source>
        <translation>County</translation>
    </message>
    <message>
        <source>同意日期</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <source>同意采集信息</source>
        <translation>Consent to data collection</translation>
    </message>
    <message>
        <source>培训意愿</source>
        <translation>Wants training</translation>
    </message>
    <message>
        <source>培训推荐</source>
        <translation>Training referral</translation>
    </message>
    <message>
        <source>境外</source>
        <translation>Abroad</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>大专</source>
        <translation>College</translation>
    </message>
    <message>
        <source>大龄(45-65周岁)</source>
        <translation>Older workers (45-65)</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>季节性</source>
        <translation>Seasonal</translation>
    </message>
    <message>
        <source>安全知识培训</source>
        <translation>Safety training</translation>
    </message>
    <message>
        <source>家庭住址</source>
        <translation>Home address</translation>
    </message>
    <message>
        <source>小学</source>
        <translation>Primary school</translation>
    </message>
    <message>
        <source>就业帮扶车间</source>
        <translation>Employment support workshop</translation>
    </message>
    <message>
        <source>就业意向</source>
        <translation>Job preference</translation>
    </message>
    <message>
        <source>就业方式</source>
        <translation>Employment type</translation>
    </message>
    <message>
        <source>就业状态</source>
        <translation>Employment status</translation>
    </message>
    <message>
        <source>就近就业</source>
        <translation>Local employment</translation>
    </message>
    <message>
        <source>工种</source>
        <translation>Trade</translation>
    </message>
    <message>
        <source>工种/技能</source>
        <translation>Trade/skills</translation>
    </message>
    <message>
        <source>已上岗</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>已关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已出发</source>
        <translation>Departed</translation>
    </message>
    <message>
        <source>已到岗</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>已就业</source>
        <translation>Employed</translation>
    </message>
    <message>
        <source>已接收</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>已满员</source>
        <translation>Filled</translation>
    </message>
    <message>
        <source>已联系</source>
        <translation>Contacted</translation>
    </message>
    <message>
        <source>录用</source>
        <translation>Hired</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>意向务工地域</source>
        <translation>Preferred region</translation>
    </message>
    <message>
        <source>意向工种</source>
        <translation>Preferred trade</translation>
    </message>
    <message>
        <source>户籍地址</source>
        <translation>Registered address</translation>
    </message>
    <message>
        <source>户籍村</source>
        <translation>Home village</translation>
    </message>
    <message>
        <source>扫码反映</source>
        <translation>By QR code</translation>
    </message>
    <message>
        <source>招聘中</source>
        <translation>Hiring</translation>
    </message>
    <message>
        <source>推荐</source>
        <translation>Recommended</translation>
    </message>
    <message>
        <source>政策落实</source>
        <translation>Policy support</translation>
    </message>
    <message>
        <source>文化程度</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>无劳动能力</source>
        <translation>Unable to work</translation>
    </message>
    <message>
        <source>是否低收入人口</source>
        <translation>Low-income</translation>
    </message>
    <message>
        <source>是否农村低收入人口</source>
        <translation>Rural low-income</translation>
    </message>
    <message>
        <source>是否残疾</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>是否残疾人</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>是否脱贫人口</source>
        <translation>Lifted out of poverty</translation>
    </message>
    <message>
        <source>月收入</source>
        <translation>Monthly income</translation>
    </message>
    <message>
        <source>有组织劳务输出</source>
        <translation>Organized labor export</translation>
    </message>
    <message>
        <source>期望工资</source>
        <translation>Expected pay</translation>
    </message>
    <message>
        <source>期望月薪</source>
        <translation>Expected monthly pay</translation>
    </message>
    <message>
        <source>未上学</source>
        <translation>No schooling</translation>
    </message>
    <message>
        <source>未就业</source>
        <translation>Unemployed</translation>
    </message>
    <message>
        <source>未录用</source>
        <translation>Not hired</translation>
    </message>
    <message>
        <source>本科及以上</source>
        <translation>Bachelor&apos;s or above</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>村居</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>来访反映</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>灵活就业</source>
        <translation>Flexible employment</translation>
    </message>
    <message>
        <source>电话反映</source>
        <translation>By phone</translation>
    </message>
    <message>
        <source>电话回访</source>
        <translation>Phone follow-up</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>监测对象类型</source>
        <translation>Monitored household type</translation>
    </message>
    <message>
        <source>省外</source>
        <translation>Outside province</translation>
    </message>
    <message>
        <source>离岗</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>突发严重困难户</source>
        <translation>Household in sudden hardship</translation>
    </message>
    <message>
        <source>筹备</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>职业介绍</source>
        <translation>Job referral</translation>
    </message>
    <message>
        <source>职业技能培训</source>
        <translation>Vocational skills training</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>脱贫不稳定户</source>
        <translation>Unstable post-poverty household</translation>
    </message>
    <message>
        <source>脱贫人口（含监测对象）</source>
        <translation>Lifted out of poverty (incl. monitored)</translation>
    </message>
    <message>
        <source>自主创业</source>
        <translation>Self-employed</translation>
    </message>
    <message>
        <source>自行外出务工</source>
        <translation>Migrated for work independently</translation>
    </message>
    <message>
        <source>计件</source>
        <translation>piece rate</translation>
    </message>
    <message>
        <source>证书</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>走访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>边缘易致贫户</source>
        <translation>Household at risk of poverty</translation>
    </message>
    <message>
        <source>近期离岗</source>
        <translation>Recently left a job</translation>
    </message>
    <message>
        <source>镇街</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>长期未跟踪</source>
        <translation>No recent follow-up</translation>
    </message>
    <message>
        <source>防止返贫监测对象</source>
        <translation>Monitored household</translation>
    </message>
    <message>
        <source>零工</source>
        <translation>Odd jobs</translation>
    </message>
    <message>
        <source>面试</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>高中</source>
        <translation>Senior high school</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>无法打开数据</source>
        <translation>Cannot open the data</translation>
    </message>
    <message>
        <source>无法打开本驿站的数据：{0}</source>
        <translation>Cannot open this station&apos;s data: {0}</translation>
    </message>
    <message>
        <source>恢复失败</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <source>无法从备份恢复，数据未改动：{0}</source>
        <translation>Could not restore from the backup; the data is unchanged: {0}</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>劳动力</source>
        <extracomment>Every page the product will have, in navigation order, with its title (the screenshot command accepts these keys and refuses the ones not registered yet).</extracomment>
        <translation>Workers</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>匹配</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>劳务输出</source>
        <translation>Labor export</translation>
    </message>
    <message>
        <source>维权卡</source>
        <translation>Rights cards</translation>
    </message>
    <message>
        <source>维权</source>
        <translation>Rights</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>搜索（{0}）</source>
        <translation>Search ({0})</translation>
    </message>
</context>
<context>
    <name>sizes</name>
    <message>
        <source>{0} 字节</source>
        <translation>{0} bytes</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>劳动力</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>匹配</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>同一身份证号重复登记</source>
        <translation>Same ID number registered twice</translation>
    </message>
    <message>
        <source>同时修改</source>
        <translation>Edited at the same time</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>培训记录</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>工程项目</source>
        <translation>Construction projects</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>批次人员</source>
        <translation>Batch members</translation>
    </message>
    <message>
        <source>数据不合要求</source>
        <translation>Invalid data</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>服务器上没有这条记录</source>
        <translation>Record not on the server</translation>
    </message>
    <message>
        <source>欠薪线索</source>
        <translation>Wage-arrears clues</translation>
    </message>
    <message>
        <source>电脑时钟不对</source>
        <translation>Computer clock is wrong</translation>
    </message>
    <message>
        <source>电脑时钟偏差</source>
        <translation>Computer clock offset</translation>
    </message>
    <message>
        <source>维权卡</source>
        <translation>Rights cards</translation>
    </message>
    <message>
        <source>走访记录</source>
        <translation>Visit records</translation>
    </message>
    <message>
        <source>超出本驿站辖区</source>
        <translation>Outside this station&apos;s area</translation>
    </message>
    <message>
        <source>输出批次</source>
        <translation>Export batches</translation>
    </message>
    <message>
        <source>项目检查</source>
        <translation>Site inspections</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
</context>
</TS>
