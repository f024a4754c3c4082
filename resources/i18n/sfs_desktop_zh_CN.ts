<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="23"/>
        <source>基本情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="26"/>
        <source>到期与超期事项（今天、已超期、7 天内）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="30"/>
        <source>业务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="30"/>
        <source>记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="30"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="30"/>
        <source>期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="30"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="32"/>
        <source>暂无到期或超期事项。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="44"/>
        <source>人员信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="45"/>
        <source>工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/dashboard.py" line="46"/>
        <source>村（社区）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../sfs_desktop/ui/login.py" line="18"/>
        <source>登录 — 司法所业务系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/login.py" line="33"/>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/login.py" line="34"/>
        <source>密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/login.py" line="39"/>
        <source>登录</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../sfs_desktop/ui/main_window.py" line="42"/>
        <source>本模块将在后续版本提供。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/main_window.py" line="128"/>
        <source>从未同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/main_window.py" line="129"/>
        <source>上次同步：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/main_window.py" line="130"/>
        <source>待同步变更 %1 条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../sfs_desktop/ui/search_dialog.py" line="17"/>
        <source>全局搜索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/search_dialog.py" line="21"/>
        <source>姓名、案号、文号或拼音首字母（如 wxm），回车搜索</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="27"/>
        <source>本机数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="30"/>
        <source>数据目录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="30"/>
        <source>备份目录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="31"/>
        <source>日志目录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="36"/>
        <source>无操作自动锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="36"/>
        <source>%1 分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="36"/>
        <source>不锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="37"/>
        <source>界面字体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="40"/>
        <source>数据维护</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="42"/>
        <source>立即备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="43"/>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="69"/>
        <source>检查数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="44"/>
        <source>重建搜索索引</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="62"/>
        <source>正在备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="63"/>
        <source>备份已完成：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="70"/>
        <source>数据库检查发现问题，请联系县司法局技术人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="72"/>
        <source>数据库检查完成，未发现问题。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="74"/>
        <source>正在检查数据库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="78"/>
        <source>正在重建搜索索引…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/settings_page.py" line="79"/>
        <source>搜索索引已重建，共 %1 条记录。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="20"/>
        <source>初次使用设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="22"/>
        <source>下一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="23"/>
        <source>上一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="24"/>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="25"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="28"/>
        <source>本单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="32"/>
        <source>司法所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="33"/>
        <source>县司法局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="40"/>
        <source>单位类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="41"/>
        <source>所在乡镇</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="42"/>
        <source>所长姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="46"/>
        <source>管理员账户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="57"/>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="58"/>
        <source>密码（至少 8 位，含字母）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="59"/>
        <source>再次输入密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="65"/>
        <source>恢复密钥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="70"/>
        <source>我已把恢复密钥抄写下来（或打印了站点设置证书），并将锁入文件柜</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="90"/>
        <source>两次输入的密码不一致</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="105"/>
        <source>请先记下恢复密钥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/wizard.py" line="105"/>
        <source>恢复密钥只显示这一次，请记下后勾选确认。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../sfs_desktop/ui/login.py" line="61"/>
        <source>已锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sfs_desktop/ui/login.py" line="72"/>
        <source>解锁</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
