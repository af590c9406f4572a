"""The legend under the timeline: each marker shape and badge colour with what it means,
drawn with the scene's own shapes and colours, wrapped to the width it is given."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui import theme
from ui.timeline.scene import BADGE, MARK_STYLE, WECOM_GREEN, push_dot, shape_path

ICON = 18
GAP = 12
LINE = 20


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.entries: list[tuple[str, str, str]] = []
        self.retranslate()

    def retranslate(self) -> None:
        # (shape, theme outcome, text); "badge:*" are the small badges under events.
        self.entries = [
            ("circle", "queued", self.tr("event (changeId)")),
            ("triangle", MARK_STYLE["timeout"][1], self.tr("timeout")),
            ("arrow", MARK_STYLE["transfer"][1], self.tr("transfer")),
            ("diamond", MARK_STYLE["urgent"][1], self.tr("urging")),
            ("bubble", MARK_STYLE["comment"][1], self.tr("comment")),
            ("square", MARK_STYLE["supervision"][1], self.tr("supervision")),
            ("star", MARK_STYLE["evaluation"][1], self.tr("evaluation")),
            ("flag", MARK_STYLE["end"][1], self.tr("end")),
            ("hang", "retry", self.tr("hung")),
            ("badge:square", "ok", self.tr("delivered")),
            ("badge:square", "retry", self.tr("retrying")),
            ("badge:square", "pending", self.tr("pending")),
            ("badge:square", "failed", self.tr("failed")),
            ("badge:round", "ok", self.tr("IM sent")),
            ("badge:round", "queued", self.tr("IM queued (offline)")),
            ("badge:pushed", "queued", self.tr("IM queued, then pushed")),
            ("anomaly", "failed", self.tr("anomaly")),
            ("wecom", "ok", self.tr("opened from WeCom")),
        ]
        self.updateGeometry()
        self.update()

    def _layout(self, width: int) -> list[tuple[QRectF, int]]:
        fm = QFontMetrics(self.font())
        x, y, out = 0.0, 0.0, []
        for i, (_, _, text) in enumerate(self.entries):
            w = ICON + 4 + fm.horizontalAdvance(text)
            if x > 0 and x + w > width:
                x, y = 0.0, y + LINE
            out.append((QRectF(x, y, w, LINE), i))
            x += w + GAP
        return out

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rects = self._layout(max(width, 100))
        return int(rects[-1][0].bottom()) + 2 if rects else LINE

    def sizeHint(self) -> QSize:
        return QSize(400, self.heightForWidth(400))

    def minimumSizeHint(self) -> QSize:
        return QSize(100, LINE)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        outline = self.palette().color(QPalette.ColorRole.Base)
        for rect, i in self._layout(self.width()):
            shape, outcome, text = self.entries[i]
            centre = QPointF(rect.left() + ICON / 2, rect.center().y())
            colour = theme.strong(outcome)
            if shape.startswith("badge:"):
                r = QRectF(centre.x() - BADGE / 2, centre.y() - BADGE / 2, BADGE, BADGE)
                painter.setPen(QPen(colour.darker(130), 1))
                painter.setBrush(colour)
                if shape == "badge:round":
                    painter.drawEllipse(r)
                elif shape == "badge:pushed":
                    painter.drawEllipse(r)
                    painter.setPen(QPen(outline, 1))
                    painter.setBrush(theme.strong("info"))
                    painter.drawPath(push_dot(r))
                else:
                    painter.drawRoundedRect(r, 2, 2)
            elif shape == "hang":
                r = QRectF(rect.left(), centre.y() - 6, ICON, 12)
                shade = QColor(colour)
                shade.setAlpha(70)
                painter.setPen(QPen(colour, 1))
                painter.setBrush(shade)
                painter.drawRect(r)
                painter.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
                painter.drawRect(r)
            elif shape == "wecom":
                painter.setPen(QPen(outline, 1))
                painter.setBrush(QColor(WECOM_GREEN))
                painter.drawPath(shape_path("bubble", centre, 6.5))
            elif shape == "anomaly":
                painter.setPen(QPen(theme.error_colour(), 2.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, 7, 7)
            else:
                painter.setPen(QPen(outline, 1.5))
                painter.setBrush(colour)
                painter.drawPath(shape_path(shape, centre, 6.5))
            painter.setPen(text_colour)
            painter.drawText(rect.adjusted(ICON + 4, 0, 0, 0),
                             int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                             text)
        painter.end()
