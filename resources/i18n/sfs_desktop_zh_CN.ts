<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/cases.py" line="40"/>
        <source>登记调解案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/cases.py" line="41"/>
        <source>申请人（人员信息库中的人员或单位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/cases.py" line="42"/>
        <source>被申请人（人员信息库中的人员或单位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/cases.py" line="48"/>
        <source>尚未登记调解委员会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/cases.py" line="50"/>
        <source>尚未登记调解委员会，请先在“调解组织”中新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/cases.py" line="51"/>
        <source>尚未登记调解委员会：请先在“人民调解 › 调解组织”中新增调解委员会，再登记案件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/leave.py" line="29"/>
        <source>请选择外出起止日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/leave.py" line="33"/>
        <source>外出申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/subjects.py" line="49"/>
        <source>登记社区矫正对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/subjects.py" line="50"/>
        <source>社区矫正对象（人员信息库中的人员）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="45"/>
        <source>衔接登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="46"/>
        <source>帮教对象本人（人员信息库中的人员）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/reviews.py" line="31"/>
        <source>合法性审查送审登记</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../sfs_desktop/ui/about.py" line="23"/>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/about.py" line="26"/>
        <source>桃江县司法所业务系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/about.py" line="40"/>
        <source>复制全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/about.py" line="41"/>
        <source>打开数据目录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="47"/>
        <source>新密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="48"/>
        <source>再次输入新密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="55"/>
        <source>两次输入的新密码不一致</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsBox</name>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="68"/>
        <source>账户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="88"/>
        <source>已停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="88"/>
        <source>可用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="90"/>
        <location filename="../../sfs_desktop/ui/accounts.py" line="121"/>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="90"/>
        <location filename="../../sfs_desktop/ui/accounts.py" line="121"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="90"/>
        <location filename="../../sfs_desktop/ui/accounts.py" line="122"/>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="90"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="90"/>
        <source>上次登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="97"/>
        <source>已完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="97"/>
        <source>已保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="101"/>
        <source>修改我的密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="101"/>
        <source>当前密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="112"/>
        <source>（调解员账户须选择）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="121"/>
        <source>新增账户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="122"/>
        <source>所属调解委员会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="128"/>
        <source>请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="128"/>
        <source>请先在列表中点选一个账户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="134"/>
        <source>重置“%1”的密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="141"/>
        <source>停用账户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="142"/>
        <source>停用后“%1”不能再登录，其密码也不能再打开数据。确定停用吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/accounts.py" line="145"/>
        <source>不能停用</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AreasTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="73"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="83"/>
        <source>新增村（社区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="89"/>
        <source>修改村（社区）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="95"/>
        <source>请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="95"/>
        <source>请先在列表中点选一行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="97"/>
        <source>请确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="97"/>
        <source>删除选中的村（社区）？已被人员、调解组织等引用的不能删除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="100"/>
        <source>不能删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="112"/>
        <source>区划代码为 12 位统计用区划代码，须属于本乡镇。已被引用的村（社区）可以改名，但不能改代码或删除。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="46"/>
        <source>保存后，该记录归所选司法所所有，在下次为该所导出同步包时送达；该所导入后即可办理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="47"/>
        <source>交办给</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="57"/>
        <source>人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="62"/>
        <source>按规则计算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="73"/>
        <source>（填写后显示）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignedTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="136"/>
        <source>县司法局交办给各所的事项：交给谁、该所是否已签收（已导入并回执）、是否已着手办理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="138"/>
        <source>县司法局交办给本所的事项（随县局同步包送达）。双击打开该记录办理；办理后状态变为“处理中”，并在下次同步时报县局。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="158"/>
        <source>交办时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="158"/>
        <source>司法所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="158"/>
        <location filename="../../sfs_desktop/ui/assigned.py" line="164"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="158"/>
        <location filename="../../sfs_desktop/ui/assigned.py" line="164"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="159"/>
        <location filename="../../sfs_desktop/ui/assigned.py" line="164"/>
        <source>限期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="159"/>
        <source>签收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="159"/>
        <source>办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="159"/>
        <source>交办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="164"/>
        <source>收到时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="164"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="62"/>
        <source>本案已办结，不能再增减当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="71"/>
        <source>受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="71"/>
        <source>受理日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="77"/>
        <source>不予受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="77"/>
        <source>不予受理的理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="88"/>
        <source>指定调解员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="88"/>
        <source>勾选调解员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="95"/>
        <source>双方同意继续调解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="95"/>
        <source>同意日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="101"/>
        <source>达成协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="101"/>
        <source>履行期限（当场履行可不填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="105"/>
        <source>已告知当事人可以通过仲裁、行政、司法等途径解决</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="107"/>
        <source>终止调解</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="112"/>
        <source>撤回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="112"/>
        <source>当事人撤回调解申请，确认办理吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="152"/>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="312"/>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="152"/>
        <source>否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="150"/>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="160"/>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="178"/>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="150"/>
        <source>姓名（名称）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="150"/>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="161"/>
        <source>委托代理人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="151"/>
        <source>已签名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="160"/>
        <source>添加当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="168"/>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="192"/>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="287"/>
        <source>请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="168"/>
        <source>请先在列表中点选一位当事人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="178"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="178"/>
        <source>地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="178"/>
        <source>调查人（调解员）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="179"/>
        <source>事由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="184"/>
        <source>新增记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="192"/>
        <source>请先在列表中点选一条记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="204"/>
        <source>书面协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="205"/>
        <source>口头协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="213"/>
        <source>增加一条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="222"/>
        <source>协议形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="223"/>
        <source>纠纷主要事实、争议事项及各方责任</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="224"/>
        <source>协议内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="226"/>
        <source>履行方式、地点、期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="233"/>
        <source>调解协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="119"/>
        <source>报告激化风险</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="119"/>
        <source>已报告单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="123"/>
        <source>桃江县人民法院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="125"/>
        <source>申请司法确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="125"/>
        <source>申请日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="125"/>
        <source>人民法院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="160"/>
        <source>当事人（人员信息库中的人员或单位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="276"/>
        <source>回访日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="276"/>
        <source>回访对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="276"/>
        <source>方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="276"/>
        <source>履行情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="277"/>
        <source>满意度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="287"/>
        <source>请先在列表中点选一次回访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="295"/>
        <source>卷内目录随打印和附件自动生成；必备文书齐全后才能归档。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="300"/>
        <source>附加扫描件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="303"/>
        <source>文书的打印在窗口下方；纸质材料扫描后附在这里。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="307"/>
        <source>卷宗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="311"/>
        <source>序号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="311"/>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="326"/>
        <source>文书名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="311"/>
        <source>必备</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="311"/>
        <source>情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="311"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="313"/>
        <source>已有</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="313"/>
        <source>尚缺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="326"/>
        <source>附加扫描件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="330"/>
        <source>选择扫描件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/workspace.py" line="331"/>
        <source>扫描件 (*.pdf *.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/cases.py" line="74"/>
        <source>只看超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/cases.py" line="79"/>
        <source>按案号筛选，回车确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/cases.py" line="113"/>
        <source>请选择案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/cases.py" line="113"/>
        <source>请先在列表中点选一个案件</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="113"/>
        <source>正在生成统计图……</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeChecklist</name>
    <message>
        <location filename="../../sfs_desktop/ui/checklist.py" line="58"/>
        <source>{0}（已停用）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommitteesTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/registries.py" line="34"/>
        <source>新增调解委员会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/registries.py" line="39"/>
        <source>修改调解委员会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/registries.py" line="46"/>
        <location filename="../../sfs_desktop/ui/mediation/registries.py" line="55"/>
        <source>新增村（社区）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/registries.py" line="48"/>
        <source>登记本乡镇的村和社区（统计用区划代码），调解委员会按村（社区）设立</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/registries.py" line="65"/>
        <source>尚未登记本乡镇的村（社区）：请点“新增村（社区）”登记，再按村（社区）设立调解委员会。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/registries.py" line="67"/>
        <source>尚未建立调解委员会的村（社区）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/registries.py" line="68"/>
        <source>各村（社区）均已建立调解委员会。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/registries.py" line="72"/>
        <source>组成符合要求。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="44"/>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="44"/>
        <source>数据表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="44"/>
        <source>争议字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="44"/>
        <source>版本一来自</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="45"/>
        <source>版本二来自</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="45"/>
        <source>发现时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="49"/>
        <source>待处理的冲突：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="49"/>
        <source> 条。两处同时修改了同一字段时列在这里，由您决定保留哪一个版本。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="51"/>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="61"/>
        <source>字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="51"/>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="61"/>
        <source>版本一</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="51"/>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="62"/>
        <source>版本二</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="70"/>
        <source>请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/conflicts.py" line="70"/>
        <source>请先在列表中点选一条冲突</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="33"/>
        <source>基本情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="36"/>
        <source>到期与超期事项（已超期、7 天内到期、已到提前提醒期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="40"/>
        <source>业务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="40"/>
        <source>记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="40"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="40"/>
        <source>期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="40"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="44"/>
        <source>双击打开该记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="46"/>
        <source>暂无到期或超期事项。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="54"/>
        <source>各司法所报来的外出申请（超出委托范围）和违规措施提请，由县级社区矫正机构决定；决定随同步包回到该所。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="56"/>
        <source>本所报县级社区矫正机构决定、尚未收到决定的事项（外出超过七日或未获委托，训诫、警告等措施）。决定在县司法局的程序中作出，随同步包送达。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="60"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="60"/>
        <source>社区矫正对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="60"/>
        <source>司法所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="60"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="61"/>
        <source>情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="69"/>
        <source>请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="69"/>
        <source>请先在列表中点选一项外出申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="70"/>
        <source>请先在列表中点选一项措施提请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="77"/>
        <source>批准外出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="77"/>
        <source>不批准外出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="78"/>
        <source>审批日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="91"/>
        <source>决定措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="91"/>
        <source>决定日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/decisions.py" line="92"/>
        <source>决定书文号</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="110"/>
        <source>导出到U盘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="115"/>
        <source>目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="124"/>
        <source>从U盘导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="125"/>
        <source>选择U盘上的同步包（.sjxb），先预览将发生的变化，再确认导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="133"/>
        <source>登记到县司法局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="133"/>
        <source>初次使用时，把本所的密钥卡交县司法局登记，再导入县司法局发回的登记包。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="159"/>
        <source>尚未与任何单位建立同步关系。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="163"/>
        <source>从未</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="175"/>
        <source>未检测到U盘：请插入U盘后点“重新检测”，或选择文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="187"/>
        <source>选择导出位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="194"/>
        <source>请选择导出位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="194"/>
        <source>请插入U盘，或点“选择文件夹…”指定导出位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="199"/>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="204"/>
        <source>不能导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="211"/>
        <source>没有需要发送的新数据，未生成同步包。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="212"/>
        <source>导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="216"/>
        <source>已导出 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="216"/>
        <source> 个同步包，共 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="217"/>
        <source> 条变更，已回读校验无误，可以安全拔出U盘。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="218"/>
        <source>导出完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="222"/>
        <source>正在导出同步包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="227"/>
        <source>选择保存位置（U盘）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="230"/>
        <source>不能写出密钥卡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="237"/>
        <source>已写出密钥卡，指纹 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="238"/>
        <source>密钥卡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="238"/>
        <source>。请把它交县司法局登记。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="243"/>
        <source>选择同步包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="243"/>
        <source>同步包 (*.sjxb)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="249"/>
        <source>不能导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="267"/>
        <source>导入结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="271"/>
        <source>正在导入同步包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="259"/>
        <source>正在校验所选同步包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="260"/>
        <source>正在校验同步包</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../sfs_desktop/ui/exporting.py" line="21"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/exporting.py" line="24"/>
        <source>不能导出</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuidanceTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/guidance.py" line="55"/>
        <source>登记指导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/guidance.py" line="70"/>
        <source>登记培训</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/guidance.py" line="71"/>
        <source>参训调解员</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/sync/history.py" line="28"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/history.py" line="28"/>
        <source>方向</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/history.py" line="28"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/history.py" line="28"/>
        <source>对方</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/history.py" line="28"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/history.py" line="29"/>
        <source>同步包编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/history.py" line="30"/>
        <source>导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/history.py" line="30"/>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="79"/>
        <source>导入预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="82"/>
        <source>以下是导入后将发生的变化。确认无误后点“确认导入”；导入前会自动备份本机数据。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="85"/>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="85"/>
        <source>发送方</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="85"/>
        <source>结论</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="85"/>
        <source>变化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="85"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="86"/>
        <source>写出时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="86"/>
        <source>覆盖范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="86"/>
        <source>各表记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="92"/>
        <source>确认导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/exchange.py" line="94"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="31"/>
        <source>导入预览：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="40"/>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="44"/>
        <source>行号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="40"/>
        <source>列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="40"/>
        <source>原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="41"/>
        <source>整行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="44"/>
        <source>记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="44"/>
        <source>导入后</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="45"/>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="45"/>
        <source>更新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="47"/>
        <source>未通过（%1 行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="48"/>
        <source>将导入（%1 条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="66"/>
        <source>没有需要导入的新内容或变化（文件中的记录均已登记且相同）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="68"/>
        <source>有未通过检查的行：改正文件后重新导入，或只导入有效的行（未通过的行不会导入）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="69"/>
        <source>全部行均通过检查。空白单元格不会清除已登记的内容。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <location filename="../../sfs_desktop/ui/correction/leave.py" line="56"/>
        <source>请选择外出起止日期（止不早于起）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/leave.py" line="59"/>
        <source>审批机关：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerFilterBar</name>
    <message>
        <location filename="../../sfs_desktop/ui/ledger_filters.py" line="67"/>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/ledger_filters.py" line="79"/>
        <source>{0}：全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/ledger_filters.py" line="85"/>
        <source>清除筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/ledger_filters.py" line="100"/>
        <source>不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/ledger_filters.py" line="114"/>
        <source>起始日期 {0} 晚于截止日期 {1}，请改正后再筛选。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <location filename="../../sfs_desktop/ui/ledger.py" line="137"/>
        <source>导出 Excel（当前筛选的全部行）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/ledger.py" line="150"/>
        <source>导出台账</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListsTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="86"/>
        <source>各所对每月预释放人员名单的核查：已衔接、未衔接人员及查找措施，以及该月未衔接人员上报表（次月规定日期前上报）是否已报到县局。点选一行查看该所该月名单中的人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="106"/>
        <source>名单月份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="106"/>
        <source>司法所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="106"/>
        <source>名单人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="106"/>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="121"/>
        <source>已衔接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="107"/>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="121"/>
        <source>未衔接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="107"/>
        <source>未衔接人员上报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="119"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="119"/>
        <source>预计释放日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="119"/>
        <source>核查情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="119"/>
        <source>查找措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="120"/>
        <source>上报日期</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../sfs_desktop/ui/login.py" line="37"/>
        <source>县司法局业务系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/login.py" line="37"/>
        <source>司法所业务系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/login.py" line="53"/>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/login.py" line="54"/>
        <source>密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/login.py" line="38"/>
        <location filename="../../sfs_desktop/ui/login.py" line="59"/>
        <source>登录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../sfs_desktop/ui/main_window.py" line="39"/>
        <source>本模块正在建设中，尚不能使用，将在后续版本提供。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/main_window.py" line="143"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/main_window.py" line="144"/>
        <source>关于(&amp;A)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/main_window.py" line="203"/>
        <source>从未同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/main_window.py" line="204"/>
        <source>上次同步：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/main_window.py" line="205"/>
        <source>待同步变更 %1 条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediatorsTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/registries.py" line="82"/>
        <source>新增调解员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/registries.py" line="83"/>
        <source>调解员（人员信息库中的人员）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/registries.py" line="89"/>
        <source>修改调解员：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/registries.py" line="95"/>
        <source>调解员须先在人员信息库中登记；罢免、解聘、离任须写明原因。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkBox</name>
    <message>
        <location filename="../../sfs_desktop/ui/sync/network.py" line="38"/>
        <source>网络同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/network.py" line="41"/>
        <source>有网络连到县司法局时，点“网络同步”即可收发同步包；断线后再点一次，会从断开处接着传。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/network.py" line="43"/>
        <source>县局中继地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/network.py" line="54"/>
        <source>自动同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/network.py" line="58"/>
        <source>每隔 %1 分钟自动同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/network.py" line="58"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/network.py" line="87"/>
        <source>已设置：每隔 %1 分钟自动同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/network.py" line="88"/>
        <source>已关闭自动同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/network.py" line="107"/>
        <source>已锁定：自动同步暂停，解锁后继续</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/network.py" line="118"/>
        <source>正在连接县局中继…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/network.py" line="120"/>
        <source>正在与县司法局网络同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/network.py" line="125"/>
        <source>网络同步完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/network.py" line="128"/>
        <source>网络同步未完成：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticesTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="58"/>
        <source>县司法局交办给各所的刑满释放人员通知书及衔接情况：该所是否已签收、是否已衔接及衔接日期；超过衔接期限（县局限期，未限期的为释放后报到期限）未衔接或逾期衔接的以红色显示。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="74"/>
        <source>司法所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="74"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="74"/>
        <source>释放日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="74"/>
        <source>衔接期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="75"/>
        <source>帮教期止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/county.py" line="75"/>
        <source>衔接情况</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartyChooser</name>
    <message>
        <location filename="../../sfs_desktop/ui/party_field.py" line="27"/>
        <source>选择人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/party_field.py" line="27"/>
        <source>选择人员或单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/party_field.py" line="31"/>
        <source>姓名或单位名称，回车查找</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/party_field.py" line="45"/>
        <source>选定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/party_field.py" line="60"/>
        <source>请输入姓名或单位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/party_field.py" line="62"/>
        <source>人员信息库中没有“%1”，可以在这里登记。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/party_field.py" line="64"/>
        <source>同名的有 %1 个，请按证件号码、出生日期区分后选定。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/party_field.py" line="75"/>
        <source>新增单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/party_field.py" line="88"/>
        <source>请先在列表中选定一项</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartyField</name>
    <message>
        <location filename="../../sfs_desktop/ui/party_field.py" line="107"/>
        <source>选择…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../sfs_desktop/ui/people_page.py" line="60"/>
        <source>请先改正标红的内容</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonWorkspace</name>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="71"/>
        <source>待办事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="74"/>
        <source>期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="74"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="74"/>
        <source>情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="75"/>
        <source>已超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="75"/>
        <source>未到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="79"/>
        <source>帮教协议：{0} 签订</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="80"/>
        <source>帮教协议：未签订</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="81"/>
        <source>通知书扫描件：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="82"/>
        <source>通知书扫描件：未附</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="98"/>
        <source>帮教小组成员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="104"/>
        <source>签订帮教协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="104"/>
        <source>签订日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="113"/>
        <source>选择通知书扫描件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="114"/>
        <source>扫描件 (*.pdf *.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="121"/>
        <source>调整帮教类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="125"/>
        <source>失联登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="128"/>
        <source>重新违法犯罪</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="133"/>
        <source>已找到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="133"/>
        <source>找到日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="139"/>
        <source>期满解除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="139"/>
        <source>死亡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="139"/>
        <source>迁出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="144"/>
        <source>解除帮教</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="144"/>
        <source>解除原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="144"/>
        <source>解除日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/workspace.py" line="145"/>
        <source>帮教小结</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonsTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/persons.py" line="45"/>
        <source>登记刑满释放人员通知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/persons.py" line="54"/>
        <source>请选择帮教对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/persons.py" line="54"/>
        <source>请先在列表中点选一名安置帮教对象</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../sfs_desktop/ui/page_parts.py" line="169"/>
        <source>请先改正标红的内容</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../sfs_desktop/ui/forms.py" line="198"/>
        <source>放弃修改？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/forms.py" line="198"/>
        <source>填写的内容还没有保存，确定放弃吗？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordWorkspace</name>
    <message>
        <location filename="../../sfs_desktop/ui/record_workspace.py" line="73"/>
        <source>时间线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/record_workspace.py" line="81"/>
        <source>打印文书：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/record_workspace.py" line="83"/>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/record_workspace.py" line="108"/>
        <source>不能查看</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/record_workspace.py" line="124"/>
        <source>现在可以办理：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/record_workspace.py" line="125"/>
        <source>现在没有可以办理的步骤</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="93"/>
        <source>参数、代码表和节假日安排由县司法局统一维护；修改后在下次向各司法所导出时下发。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="95"/>
        <source>参数、代码表和节假日安排由县司法局所长维护；当前账户只能查看。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="97"/>
        <source>以下参数、代码表和节假日安排由县司法局统一维护并随同步包下发，本所只能查看；“收到时间”是导入带来该条数据的同步包的时间。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="108"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="160"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="218"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="225"/>
        <source>参数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="121"/>
        <source>代码表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="133"/>
        <source>年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="137"/>
        <source>节假日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="141"/>
        <source>全部表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="160"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="176"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="190"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="236"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="245"/>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="160"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="225"/>
        <source>值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="160"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="226"/>
        <source>默认值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="161"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="190"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="197"/>
        <source>修改时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="161"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="190"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="198"/>
        <source>收到时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="176"/>
        <source>数据表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="176"/>
        <source>条数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="176"/>
        <source>最近修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="177"/>
        <source>最近收到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="190"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="236"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="240"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="245"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="249"/>
        <source>代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="190"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="191"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="252"/>
        <source>启用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="191"/>
        <source>停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="197"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="268"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="275"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="197"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="268"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="197"/>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="268"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="214"/>
        <source>参考数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="214"/>
        <source>请先选择%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="228"/>
        <source>范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="229"/>
        <source>修改参数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="236"/>
        <source>增加代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="245"/>
        <source>修改代码名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="254"/>
        <source>不能修改代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="268"/>
        <source>增加节假日安排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="278"/>
        <source>删除节假日安排</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="279"/>
        <source>删除 %1 的节假日安排？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/reference_page.py" line="282"/>
        <source>不能删除</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/page_parts.py" line="232"/>
        <source>请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/page_parts.py" line="232"/>
        <source>请先在列表中点选一行</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../sfs_desktop/ui/report_view.py" line="49"/>
        <source> 年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/report_view.py" line="54"/>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/report_view.py" line="57"/>
        <source>统计期间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/report_view.py" line="77"/>
        <source>不能统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/report_view.py" line="84"/>
        <source>指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/report_view.py" line="84"/>
        <source>数值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/report_view.py" line="95"/>
        <source>导出统计表</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResettlementPage</name>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/page.py" line="29"/>
        <source>安置帮教</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="45"/>
        <source>审查要点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="51"/>
        <source>审查建议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="55"/>
        <source>出具审查意见前尚需：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="58"/>
        <source>审查要点已齐备。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="66"/>
        <source>填写审查意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="76"/>
        <source>退回补充材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="76"/>
        <source>退回日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="76"/>
        <source>需要补充的材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="82"/>
        <source>收到补充材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="82"/>
        <source>收到日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="88"/>
        <source>添加审查建议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="88"/>
        <source>建议内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="98"/>
        <source>出具审查意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="98"/>
        <source>审查结论</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="98"/>
        <source>出具日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="99"/>
        <source>签发人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="107"/>
        <source>请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="107"/>
        <source>请先在“审查建议”中点选一条建议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="114"/>
        <source>登记采纳情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="114"/>
        <source>采纳情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/workspace.py" line="114"/>
        <source>反馈日期</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewsTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/legality/reviews.py" line="47"/>
        <source>按审查事项或编号筛选，回车确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/reviews.py" line="76"/>
        <source>请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/legality/reviews.py" line="76"/>
        <source>请先在列表中点选一项合法性审查</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreeningTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/screening.py" line="38"/>
        <source>登记矛盾纠纷排查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/screening.py" line="45"/>
        <source>请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/screening.py" line="45"/>
        <source>请先在列表中点选一条排查记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/screening.py" line="60"/>
        <source>转为调解案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/screening.py" line="60"/>
        <source>调解委员会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/screening.py" line="60"/>
        <source>纠纷类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/screening.py" line="67"/>
        <source>已转为案件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/mediation/screening.py" line="67"/>
        <source>已登记为调解案件草稿，请到“案件”中补充当事人后受理。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../sfs_desktop/ui/search_dialog.py" line="16"/>
        <source>全局搜索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/search_dialog.py" line="20"/>
        <source>姓名、案号、文号或拼音首字母（如 wxm），回车搜索</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="29"/>
        <source>本机数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="32"/>
        <source>数据目录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="32"/>
        <source>备份目录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="33"/>
        <source>日志目录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="38"/>
        <source>无操作自动锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="38"/>
        <source>%1 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="38"/>
        <source>不锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="39"/>
        <source>界面字体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="42"/>
        <source>数据维护</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="44"/>
        <source>立即备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="45"/>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="75"/>
        <source>检查数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="46"/>
        <source>重建搜索索引</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="68"/>
        <source>正在备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="69"/>
        <source>备份已完成：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="76"/>
        <source>数据库检查发现问题，请联系县司法局技术人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="78"/>
        <source>数据库检查完成，未发现问题。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="80"/>
        <source>正在检查数据库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="83"/>
        <source>正在重建搜索索引…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="84"/>
        <source>搜索索引已重建，共 %1 条记录。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="37"/>
        <source>初次使用设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="39"/>
        <source>下一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="40"/>
        <source>上一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="41"/>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="42"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="45"/>
        <source>本单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="49"/>
        <source>司法所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="50"/>
        <source>县司法局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="57"/>
        <source>单位类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="58"/>
        <source>所在乡镇</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="59"/>
        <source>所长姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="63"/>
        <source>管理员账户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="74"/>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="75"/>
        <source>密码（至少 8 位，含字母）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="76"/>
        <source>再次输入密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="82"/>
        <source>恢复密钥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="87"/>
        <source>我已把恢复密钥抄写下来（或打印了站点设置证书），并将锁入文件柜</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="89"/>
        <source>打印站点设置证书…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="91"/>
        <source>证书载有恢复密钥，只能在此时打印，不能补打</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="115"/>
        <source>两次输入的密码不一致</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="135"/>
        <source>正在生成证书…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="136"/>
        <source>不能打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="141"/>
        <source>站点设置证书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="146"/>
        <source>请先记下恢复密钥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="146"/>
        <source>恢复密钥只显示这一次，请记下后勾选确认。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="25"/>
        <source>离岗/恢复在岗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="34"/>
        <source>新增工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="38"/>
        <source>修改工作人员：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="43"/>
        <source>请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="43"/>
        <source>请先在列表中点选一行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="48"/>
        <source>将“%1”标为离岗（调离、退休等）？名册中保留其记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="48"/>
        <source>将“%1”恢复为在岗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="49"/>
        <source>请确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="59"/>
        <source>填了身份证号的，出生日期和性别由号码得出；具有法律职业资格的须填资格证号。离岗的人员保留在名册中。导入时以身份证号（未填的以姓名和出生日期）认定同一人，重复导入不会重复登记。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="123"/>
        <source>&lt;h3&gt;所务管理&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="128"/>
        <source>工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/station_page.py" line="129"/>
        <source>村（社区）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationsTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="29"/>
        <source>各司法所的同步情况。登记新所：先导入其密钥卡，再把登记包写到U盘交给该所导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="58"/>
        <source>网络同步：本机尚未运行过县局中继（relay）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="60"/>
        <source>网络同步：{0:%H:%M} 收取了 {1} 个上传的同步包，拒收 {2} 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="65"/>
        <source>网络同步：收取失败：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="77"/>
        <source>代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="77"/>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="77"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="77"/>
        <source>上次收到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="77"/>
        <source>上次回执</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="78"/>
        <source>待确认变更</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="78"/>
        <source>记录数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="78"/>
        <source>未处理冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="78"/>
        <source>数据核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="79"/>
        <source>审计链</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="80"/>
        <source>已吊销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="80"/>
        <source>已登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="81"/>
        <source>待导入登记包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="94"/>
        <source>：本年各所数据（依据各所报送的记录）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="102"/>
        <source>选择司法所的密钥卡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="103"/>
        <source>密钥卡 (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="109"/>
        <source>登记司法所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="109"/>
        <source>司法所名称（桃江县司法局××司法所）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="117"/>
        <source>不能登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="117"/>
        <source>所选文件不是有效的密钥卡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="128"/>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="152"/>
        <source>请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="128"/>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="152"/>
        <source>请先在列表中点选一个司法所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="130"/>
        <source>选择U盘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="134"/>
        <source>不能写出登记包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="139"/>
        <source>登记包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="139"/>
        <source>已写出登记包，请交该所在“数据同步”中导入：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="154"/>
        <source>吊销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/stations.py" line="154"/>
        <source>吊销后将拒收该所的同步包（例如密钥丢失时）。确认吊销 </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/persons.py" line="94"/>
        <source>选择“上半年”“下半年”可打印半年报，选择“全年”可打印年报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/persons.py" line="99"/>
        <source>安置帮教工作半年报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/resettlement/persons.py" line="99"/>
        <source>安置帮教工作年报</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubjectWorkspace</name>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="96"/>
        <source>已超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="96"/>
        <source>未到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="102"/>
        <source>待办事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="115"/>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="193"/>
        <source>请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="115"/>
        <source>请先在列表中点选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="65"/>
        <source>该对象的报到、监管频次、外出返回、电子定位、解矫准备等期限；超期的标红。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="47"/>
        <source>打印所选谈话或走访记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="69"/>
        <source>工作档案卷内目录随打印自动生成；文书在窗口下方打印。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="102"/>
        <source>（%1 项超期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="105"/>
        <source>尚缺：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="122"/>
        <source>报到登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="122"/>
        <source>报到日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="136"/>
        <source>违规登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="141"/>
        <source>解矫准备</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="148"/>
        <source>已找回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="148"/>
        <source>恢复监管日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="158"/>
        <source>批准外出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="158"/>
        <source>不批准外出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="158"/>
        <source>审批日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="166"/>
        <source>登记返回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="166"/>
        <source>返回报告日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="178"/>
        <source>提请措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="178"/>
        <source>提请措施（由县级社区矫正机构决定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="179"/>
        <source>提请日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/workspace.py" line="193"/>
        <source>请先在时间线上点选一次个别谈话、教育或走访</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubjectsTab</name>
    <message>
        <location filename="../../sfs_desktop/ui/correction/subjects.py" line="75"/>
        <source>只看有超期事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/subjects.py" line="80"/>
        <source>按姓名筛选，回车确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/subjects.py" line="88"/>
        <source>为所选对象登记今天的到所报告，点一下即保存，可撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/subjects.py" line="89"/>
        <source>为所选对象登记今天的信息化核查（手机定位，正常），点一下即保存，可撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/subjects.py" line="131"/>
        <source>请选择矫正对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/subjects.py" line="131"/>
        <source>请先在列表中点选一名社区矫正对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/subjects.py" line="142"/>
        <source>不能登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/subjects.py" line="146"/>
        <source>已登记：%1&#x3000;%2&#x3000;%3（%4）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/subjects.py" line="155"/>
        <source>不能撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/correction/subjects.py" line="159"/>
        <source>已撤销：%1&#x3000;%2&#x3000;%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../sfs_desktop/ui/sync/page.py" line="29"/>
        <source>司法所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/page.py" line="33"/>
        <source>导出与导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/page.py" line="34"/>
        <source>冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/sync/page.py" line="35"/>
        <source>记录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../sfs_desktop/ui/timeline.py" line="57"/>
        <source>快速登记：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/timeline.py" line="66"/>
        <source>填写后保存，即记入时间线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/timeline.py" line="66"/>
        <source>当前账户只能查看</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/timeline.py" line="94"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/timeline.py" line="94"/>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/timeline.py" line="94"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/timeline.py" line="94"/>
        <source>经办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/timeline.py" line="94"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/timeline.py" line="98"/>
        <source>还没有记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/timeline.py" line="123"/>
        <source>不能查看</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/timeline.py" line="154"/>
        <source>%1年%2月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/timeline.py" line="155"/>
        <source>%1 项</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnattendedBox</name>
    <message>
        <location filename="../../sfs_desktop/ui/unattended_box.py" line="19"/>
        <source>无人值守运行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/unattended_box.py" line="22"/>
        <source>允许定时网络同步和县局中继在无人登录时运行（数据库密钥保存在本机系统凭据库中）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/unattended_box.py" line="55"/>
        <source>无人值守运行已失效：%1。请所长重新勾选以开启。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/unattended_box.py" line="57"/>
        <source>已开启：定时同步和县局中继以“%1”的身份运行；取消勾选即删除保存的密钥。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/unattended_box.py" line="59"/>
        <source>未开启：无人登录时不能自动同步，命令行需提供密码。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../sfs_desktop/ui/login.py" line="89"/>
        <source>已锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/login.py" line="100"/>
        <source>解锁</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../sfs_desktop/ui/page_parts.py" line="56"/>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/page_parts.py" line="66"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/page_parts.py" line="57"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owner</name>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="102"/>
        <location filename="../../sfs_desktop/ui/assigned.py" line="110"/>
        <source>交办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="102"/>
        <source>名册中还没有可交办的司法所，或没有可交办的记录类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/assigned.py" line="110"/>
        <source>交办什么</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/timeline.py" line="38"/>
        <source>不能查看</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.owner</name>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="86"/>
        <source>选择要导入的文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="90"/>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="99"/>
        <source>不能导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="104"/>
        <source>导入完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="105"/>
        <source>已导入：新增 %1 条，更新 %2 条。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="110"/>
        <source>保存导入模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="115"/>
        <source>不能保存模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="116"/>
        <source>模板已保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.parent</name>
    <message>
        <location filename="../../sfs_desktop/ui/ops.py" line="259"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tab</name>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="122"/>
        <source>导入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/import_dialog.py" line="123"/>
        <source>下载导入模板</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
