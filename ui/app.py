"""The desktop app's entry point.

Until the panels land (issue: the desktop app), the window shows what the core already does
and how to reach it from a terminal, in Chinese and English, so that ``./dev run`` on a fresh
machine ends in a window that tells the truth.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.catalog import default_catalog

# Fonts that carry CJK glyphs, in order of preference; the first one installed wins.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei",
             "PingFang SC", "WenQuanYi Micro Hei")


def pick_font() -> QFont:
    families = set(QFontDatabase.families())
    font = QApplication.font()
    for name in CJK_FONTS:
        if name in families:
            font = QFont(name, font.pointSize())
            break
    return font


class PlaceholderWindow(QMainWindow):
    def __init__(self, db_path: str) -> None:
        super().__init__()
        self.setWindowTitle("Push Studio")
        body = QWidget()
        layout = QVBoxLayout(body)
        title = QLabel("Push Studio · 推送工作台")
        title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        intro = QLabel(
            "界面面板正在建设中；平台（回调、MQ 主题、IM、接口）与核心引擎已可在命令行使用。\n"
            "The panels are being built; the platform (callbacks, MQ topics, IM, the API) and "
            "the core work from the command line today:")
        commands = QLabel(
            "python main.py serve                整个平台 · the platform, headless (API)\n"
            "python main.py catalog [N]          每个 changeId 及其字段 · every changeId\n"
            "python main.py validate FILE        按规范校验 · check a callback body\n"
            "python main.py subscriptions add F  订阅系统 · subscriber systems\n"
            "python main.py send FILE            接收事件 · accept events\n"
            "python main.py timeline ORDER       工单时间线 · an order's story\n"
            "python main.py explain --event F    为何（未）送达 · why (not) delivered")
        # Monospace so the columns line up; the CJK mono face keeps Chinese in the grid.
        commands.setStyleSheet(
            "font-family: 'Noto Sans Mono CJK SC', 'DejaVu Sans Mono', monospace;"
            "padding: 6px 12px;")
        where = QLabel(f"数据库 · database: {db_path}")
        for label in (intro, commands, where):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(commands)
        layout.addWidget(where)
        # A handful of static rows: the catalogue at a glance (not a live log, so a
        # QTableWidget is fine here).
        family = default_catalog().workorder
        table = QTableWidget(len(family.types), 4)
        table.setHorizontalHeaderLabels(["changeId", "事件", "event", "字段 · fields"])
        for row, mt in enumerate(family.types):
            for col, text in enumerate((mt.id, mt.zh, mt.en, str(len(mt.fields)))):
                item = QTableWidgetItem(text)
                if mt.supported:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                else:  # shown, but visibly not something the platform sends
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                    item.setToolTip("平台暂不支持 · not supported by the platform: the router "
                                    "refuses it unless \"allow unsupported events\" is on")
                table.setItem(row, col, item)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(table, 1)
        self.setCentralWidget(body)
        self.resize(900, 620)


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Push Studio")
    app.setFont(pick_font())
    window = PlaceholderWindow(str(args.db_path))
    window.show()
    return app.exec()
